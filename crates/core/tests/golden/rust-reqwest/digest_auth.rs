// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let url = "http://localhost:8080/anything/digest";
    let response = client.get(url)
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
