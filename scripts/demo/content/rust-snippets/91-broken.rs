fn main( { println!("this does not compile" }
