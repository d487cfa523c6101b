// Borrowing: pass a reference instead of moving the value.
fn length(s: &String) -> usize {
    s.len()
}

fn push_world(s: &mut String) {
    s.push_str(" world");
}

fn main() {
    let mut s = String::from("hello");
    push_world(&mut s);
    println!("{} has {} bytes", s, length(&s));
}
