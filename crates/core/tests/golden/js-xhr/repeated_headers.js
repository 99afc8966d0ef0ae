const xhr = new XMLHttpRequest();
xhr.open("GET", "http://localhost:8080/anything");
xhr.setRequestHeader("X-Tag", "a");
xhr.setRequestHeader("X-Other", "1");
xhr.setRequestHeader("X-Tag", "b");
xhr.setRequestHeader("x-tag", "c");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send();
