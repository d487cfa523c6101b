// Ownership: each value has one owner; assigning moves it.
fn main() {
    let s = String::from("hello");
    let t = s; // s is moved into t and can no longer be used
    println!("{}", t);
    let n = 5;
    let m = n; // integers are Copy, so n is still valid
    println!("{} {}", n, m);
}
