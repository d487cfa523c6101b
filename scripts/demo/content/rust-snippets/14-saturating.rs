// Balances never wrap around: use checked or saturating arithmetic.
fn transfer(from: u128, to: u128, amount: u128) -> Option<(u128, u128)> {
    let new_from = from.checked_sub(amount)?;
    let new_to = to.checked_add(amount)?;
    Some((new_from, new_to))
}

fn main() {
    println!("{:?}", transfer(100, 5, 30));
    println!("{:?}", transfer(10, 5, 30));
    let fee: u128 = 7;
    println!("after fee: {}", 5u128.saturating_sub(fee));
}
