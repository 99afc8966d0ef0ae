// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let url = "http://localhost:8080/anything";
    let response = client.post(url)
        .header("Content-Type", "text/plain; charset=utf-8")
        .body("héllo ✓ 日本語 🦀 \u{202e} hidden \x07 bell")
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
