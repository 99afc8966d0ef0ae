// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let url = "http://localhost:8080/anything?page=2&per_page=50";
    let response = client.post(url)
        .header("Accept", "application/json")
        .header("Accept-Language", "en-US,en;q=0.9")
        .header("Cache-Control", "no-cache")
        .header("X-Request-Id", "7f3a-11")
        .header("Content-Type", "application/json")
        .body("[1, 2.5, null, \"x\"]")
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
