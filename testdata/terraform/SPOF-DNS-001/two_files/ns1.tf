# The same zone served by NS1 as a second provider, declared in another file.
resource "ns1_zone" "secondary" {
  zone = "shop.example.com."
}
