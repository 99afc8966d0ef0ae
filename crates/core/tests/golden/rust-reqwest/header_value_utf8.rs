// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let url = "http://localhost:8080/anything";
    let response = client.get(url)
        .header("X-Note", "café ✓".as_bytes()) // UTF-8 bytes: a &str value must be ASCII
        .header("X-Latin", "naïve".as_bytes()) // UTF-8 bytes: a &str value must be ASCII
        .header("Accept", "application/json")
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
