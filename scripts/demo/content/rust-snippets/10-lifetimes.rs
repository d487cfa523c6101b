// Lifetimes: the returned reference lives as long as both inputs.
fn longest<'a>(a: &'a str, b: &'a str) -> &'a str {
    if a.len() >= b.len() { a } else { b }
}

fn main() {
    let first = String::from("substrate");
    let result;
    {
        let second = String::from("rust");
        result = longest(first.as_str(), second.as_str()).to_string();
    }
    println!("longest: {}", result);
}
