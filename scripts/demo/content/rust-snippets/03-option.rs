// Option: a value that may be absent, without null.
fn find_even(v: &[i32]) -> Option<i32> {
    v.iter().copied().find(|x| x % 2 == 0)
}

fn main() {
    match find_even(&[1, 3, 4, 7]) {
        Some(x) => println!("first even number: {}", x),
        None => println!("no even number"),
    }
    let fallback = find_even(&[1, 3]).unwrap_or(0);
    println!("{}", fallback);
}
