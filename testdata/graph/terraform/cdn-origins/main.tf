# A CDN routes to its origin, not to the bucket it writes access logs to, its cache policy or its edge function;
# a DNS record routes to its alias target, not to its health check.
resource "aws_route53_record" "www" {
  zone_id         = "Z0123456789EXAMPLE"
  name            = "www.example.net"
  type            = "A"
  health_check_id = aws_route53_health_check.www.id
  alias {
    name                   = aws_cloudfront_distribution.edge.domain_name
    zone_id                = aws_cloudfront_distribution.edge.hosted_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_health_check" "www" {
  fqdn = "www.example.net"
  type = "HTTPS"
}

resource "aws_cloudfront_distribution" "edge" {
  enabled = true
  origin {
    origin_id   = "site"
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
  }
  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = aws_cloudfront_cache_policy.site.id
    lambda_function_association {
      event_type = "viewer-request"
      lambda_arn = aws_lambda_function.rewrite.qualified_arn
    }
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-cdn-logs"
}

resource "aws_cloudfront_cache_policy" "site" {
  name = "site"
}

resource "aws_lambda_function" "rewrite" {
  function_name = "rewrite"
  role          = "arn:aws:iam::123456789012:role/edge"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "rewrite.zip"
}
