// Cargo.toml: reqwest = { version = "0.12", features = ["blocking", "multipart"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let form = reqwest::blocking::multipart::Form::new()
        .part("data", reqwest::blocking::multipart::Part::file("my file's data.csv")?.mime_str("text/csv")?)
        .text("comment", "it's \"fine\" $(id) `x` <x;y>");
    let url = "http://localhost:8080/anything/upload";
    let response = client.put(url)
        .multipart(form)
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
