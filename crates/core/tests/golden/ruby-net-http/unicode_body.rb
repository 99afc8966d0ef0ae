require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything")
request = Net::HTTP::Post.new(uri)
request.body = "héllo ✓ 日本語 🦀 \u{202e} hidden \x07 bell"
request["Content-Type"] = "text/plain; charset=utf-8"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
