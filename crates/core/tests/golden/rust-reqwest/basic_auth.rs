// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let url = "http://localhost:8080/anything/basic";
    let response = client.put(url)
        .basic_auth("peter", Some("s3cr3t: 'quoted' ü"))
        .header("Content-Type", "application/json")
        .body("{\"ok\": true}")
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
