// Result and the ? operator: propagate errors to the caller.
use std::fs;
use std::io;

fn read_config(path: &str) -> Result<String, io::Error> {
    let text = fs::read_to_string(path)?;
    Ok(text.trim().to_string())
}

fn main() {
    match read_config("config.toml") {
        Ok(c) => println!("config: {}", c),
        Err(e) => eprintln!("cannot read config: {}", e),
    }
}
