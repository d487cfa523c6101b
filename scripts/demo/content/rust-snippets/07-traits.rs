// Traits define shared behaviour; generics accept any implementor.
trait Describe {
    fn describe(&self) -> String;
}

struct Dog;
struct Robot { id: u32 }

impl Describe for Dog {
    fn describe(&self) -> String { "a dog".to_string() }
}

impl Describe for Robot {
    fn describe(&self) -> String { format!("robot number {}", self.id) }
}

fn introduce<T: Describe>(x: &T) {
    println!("This is {}.", x.describe());
}

fn main() {
    introduce(&Dog);
    introduce(&Robot { id: 7 });
}
