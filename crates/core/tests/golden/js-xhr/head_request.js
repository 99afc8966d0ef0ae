const xhr = new XMLHttpRequest();
xhr.open("HEAD", "http://localhost:8080/anything");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send();
