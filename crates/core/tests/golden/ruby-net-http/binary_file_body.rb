require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything/bin")
request = Net::HTTP::Post.new(uri)
request.body = File.binread("bytes.bin")
request["Content-Type"] = "application/octet-stream"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
