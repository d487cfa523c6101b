// Enums carry data; match must cover every variant.
enum Shape {
    Circle { radius: f64 },
    Rectangle { width: f64, height: f64 },
}

fn area(s: &Shape) -> f64 {
    match s {
        Shape::Circle { radius } => std::f64::consts::PI * radius * radius,
        Shape::Rectangle { width, height } => width * height,
    }
}

fn main() {
    let shapes = vec![Shape::Circle { radius: 1.0 }, Shape::Rectangle { width: 2.0, height: 3.0 }];
    let total: f64 = shapes.iter().map(area).sum();
    println!("total area {:.2}", total);
}
