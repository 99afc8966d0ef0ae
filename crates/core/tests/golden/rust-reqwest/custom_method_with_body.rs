// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let url = "http://localhost:8080/anything/dav";
    let response = client.request(reqwest::Method::from_bytes("PROPFIND".as_bytes())?, url)
        .header("Depth", "1")
        .header("Content-Type", "application/xml")
        .body("<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>")
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
