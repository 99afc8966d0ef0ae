require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything/aws?b=2&a=1")
request = Net::HTTP::Post.new(uri)
request.body = "{\"name\": \"o'neil\"}"
request["Content-Type"] = "application/json"
request["X-Trace"] = "t-1"
request["X-Amz-Date"] = "20150830T123600Z"
request["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
