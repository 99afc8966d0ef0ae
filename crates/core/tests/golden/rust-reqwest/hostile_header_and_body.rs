// Cargo.toml: reqwest = { version = "0.12", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::blocking::Client::new();
    let url = "http://localhost:8080/anything";
    let response = client.post(url)
        .header("X-Hostile", "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <")
        .header("Content-Type", "text/plain;charset=UTF-8")
        .body("line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'")
        .send()?;

    println!("{}", response.status());
    println!("{}", response.text()?);
    Ok(())
}
