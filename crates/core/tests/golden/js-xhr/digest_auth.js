const xhr = new XMLHttpRequest();
xhr.open("GET", "http://localhost:8080/anything/digest", true, "o'neil \"q\" $USER", "p'\"$HOME\\`id` ü");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send();
