// Iterator adapters are lazy; collect runs them.
fn main() {
    let words = vec!["apple", "bee", "cherry", "date"];
    let long: Vec<String> = words
        .iter()
        .filter(|w| w.len() > 3)
        .map(|w| w.to_uppercase())
        .collect();
    println!("{:?}", long);
    let total: usize = words.iter().map(|w| w.len()).sum();
    println!("letters: {}", total);
}
