const xhr = new XMLHttpRequest();
xhr.open("GET", "http://localhost:8080/anything/bearer");
xhr.setRequestHeader("Authorization", "Bearer abc.DEF-123_~+/=");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send();
