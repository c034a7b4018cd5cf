resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id   = "site"
  }
  default_cache_behavior {
    target_origin_id       = "site" # expect: SPOF-CLOUDFRONT-001 "has no origin group"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
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

resource "aws_cloudfront_distribution" "bypass" {
  enabled = true
  origin {
    domain_name = "primary.example.com"
    origin_id   = "primary"
  }
  origin {
    domain_name = "secondary.example.com"
    origin_id   = "secondary"
  }
  origin_group {
    origin_id = "both"
    failover_criteria {
      status_codes = [500, 502, 503, 504]
    }
    member {
      origin_id = "primary"
    }
    member {
      origin_id = "secondary"
    }
  }
  default_cache_behavior {
    target_origin_id       = "primary" # expect: SPOF-CLOUDFRONT-001
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
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
