// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let url = "http://localhost:8080/anything";
    let response = client.post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("name=Peter+Parker&city=New+York+%26+Co&tag=a&tag=b%3Dc&note=%C3%A9+%E2%9C%93+100%25") // encoded as browsers encode forms
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
