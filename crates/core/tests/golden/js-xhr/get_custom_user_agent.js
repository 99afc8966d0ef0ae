const xhr = new XMLHttpRequest();
xhr.open("GET", "http://localhost:8080/anything");
xhr.setRequestHeader("User-Agent", "reqlab-tutorial/1.0");
xhr.setRequestHeader("Accept", "application/json");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send();
