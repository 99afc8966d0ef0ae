// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
// Choose "bytes.bin" in the page's <input type="file">.
const file = document.querySelector("input[type=file]").files[0];

$.ajax({
    url: "http://localhost:8080/anything/bin",
    method: "POST",
    contentType: "application/octet-stream",
    data: file,
    processData: false,
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
