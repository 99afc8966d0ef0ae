const xhr = new XMLHttpRequest();
xhr.open("PUT", "http://localhost:8080/anything/items/1");
xhr.setRequestHeader("Content-Type", "text/plain;charset=UTF-8");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send("hello");
