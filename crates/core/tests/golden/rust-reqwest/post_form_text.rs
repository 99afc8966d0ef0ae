// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let url = "http://localhost:8080/anything";
    let response = client.post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("name=Peter&city=New+York")
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
