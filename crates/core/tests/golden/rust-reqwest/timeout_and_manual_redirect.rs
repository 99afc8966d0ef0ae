// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }
use std::time::Duration;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_millis(2500))
        .build()?;
    let url = "http://localhost:8080/anything";
    let response = client.get(url)
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
