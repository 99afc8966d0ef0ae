// Cargo.toml: reqwest = { version = "0.12", features = ["blocking", "multipart"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let form = reqwest::blocking::multipart::Form::new()
        .part("meta", reqwest::blocking::multipart::Part::text("{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}").mime_str("application/json")?)
        .text("title", "plain; field")
        .part("notes", reqwest::blocking::multipart::Part::file("hello.txt")?.mime_str("text/markdown")?);
    let url = "http://localhost:8080/anything";
    let response = client.post(url)
        .multipart(form)
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
