require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15")
request = Net::HTTP::Get.new(uri)
request["X-Amz-Security-Token"] = "IQoJb3JpZ2luX2VjE'$x\"/+=="
request["X-Amz-Date"] = "20150830T123600Z"
request["Authorization"] = "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0e0859353e0f3d50d862148284d465a4ece8330a696b32aeb368b11abc58673"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
