// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let url = "http://localhost:8080/anything/aws?b=2&a=1";
    let response = client.post(url)
        .header("Content-Type", "application/json")
        .header("X-Trace", "t-1")
        .header("X-Amz-Date", "20150830T123600Z")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2")
        .body("{\"name\": \"o'neil\"}")
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
