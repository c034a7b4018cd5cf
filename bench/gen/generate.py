#!/usr/bin/env python3
"""Writes the benchmark corpus: N copies of a small, realistic infrastructure repository.

One copy ("1x") is what a small platform team keeps in a repo: three Terraform root/child modules (network with NAT
gateways, an RDS + ElastiCache data tier, an EKS cluster, DNS and certificates), CloudFormation templates in YAML and
JSON (with parameters, conditions and short-form intrinsics), and Kubernetes manifests (multi-document YAML with
Deployments, StatefulSets, Services, PDBs, HPAs and Ingresses). Every copy gets its own names and a few varied values,
so a tool cannot short-cut identical files; the output is byte-for-byte deterministic for a given N.

Usage: generate.py OUT_DIR COPIES
"""
import json
import os
import sys

TF_NETWORK = {
    "variables.tf": '''variable "name" {
  description = "Prefix of every resource of this network"
  type        = string
  default     = "@@NAME@@"
}

variable "cidr" {
  type    = string
  default = "10.@@OCT@@.0.0/16"
}

variable "azs" {
  type    = list(string)
  default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "single_nat_gateway" {
  description = "Cheaper, but every private subnet then depends on one AZ"
  type        = bool
  default     = @@SINGLE_NAT@@
}

variable "tags" {
  type    = map(string)
  default = {}
}
''',
    "main.tf": '''locals {
  nat_count = var.single_nat_gateway ? 1 : length(var.azs)
  common_tags = merge(var.tags, {
    Project = var.name
    Module  = "network"
  })
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags                 = merge(local.common_tags, { Name = "${var.name}-vpc" })
}

resource "aws_subnet" "public" {
  count                   = length(var.azs)
  vpc_id                  = aws_vpc.this.id
  cidr_block              = cidrsubnet(var.cidr, 8, count.index)
  availability_zone       = var.azs[count.index]
  map_public_ip_on_launch = true
  tags                    = merge(local.common_tags, { Name = "${var.name}-public-${count.index}" })
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(var.cidr, 8, count.index + 10)
  availability_zone = var.azs[count.index]
  tags              = merge(local.common_tags, { Name = "${var.name}-private-${count.index}" })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = local.common_tags
}

resource "aws_eip" "nat" {
  count  = local.nat_count
  domain = "vpc"
  tags   = local.common_tags
}

resource "aws_nat_gateway" "this" {
  count         = local.nat_count
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  tags          = merge(local.common_tags, { Name = "${var.name}-nat-${count.index}" })
  depends_on    = [aws_internet_gateway.this]
}

resource "aws_route_table" "private" {
  count  = length(var.azs)
  vpc_id = aws_vpc.this.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.this[var.single_nat_gateway ? 0 : count.index].id
  }

  tags = local.common_tags
}

resource "aws_route_table_association" "private" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}
''',
    "outputs.tf": '''output "vpc_id" {
  value = aws_vpc.this.id
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

output "public_subnet_ids" {
  value = aws_subnet.public[*].id
}
''',
    "versions.tf": '''terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}
''',
}

TF_DATA = {
    "variables.tf": '''variable "env" {
  type    = string
  default = "@@ENV@@"
}

variable "db_multi_az" {
  description = "Left without a default on purpose: set per environment"
  type        = bool
}

variable "subnet_ids" {
  type    = list(string)
  default = []
}

variable "redis_nodes" {
  type    = number
  default = @@REDIS_NODES@@
}
''',
    "rds.tf": '''resource "aws_db_subnet_group" "orders" {
  name       = "orders-@@NAME@@"
  subnet_ids = var.subnet_ids
}

resource "aws_db_instance" "orders" {
  identifier              = "orders-@@NAME@@"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.r6g.large"
  allocated_storage       = @@STORAGE@@
  multi_az                = @@MULTI_AZ@@
  db_subnet_group_name    = aws_db_subnet_group.orders.name
  backup_retention_period = 7
  deletion_protection     = true
  skip_final_snapshot     = false
  username                = "orders"
  manage_master_user_password = true

  tags = {
    Service = "orders"
    Env     = var.env
  }
}

resource "aws_db_instance" "reporting" {
  identifier          = "reporting-@@NAME@@"
  engine              = "mysql"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  multi_az            = var.db_multi_az
  skip_final_snapshot = true
  username            = "report"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "billing" {
  cluster_identifier  = "billing-@@NAME@@"
  engine              = "aurora-postgresql"
  master_username     = "billing"
  manage_master_user_password = true
  availability_zones  = ["eu-west-1a", "eu-west-1b"]
  skip_final_snapshot = true
}

resource "aws_rds_cluster_instance" "billing" {
  count              = @@AURORA_INSTANCES@@
  identifier         = "billing-@@NAME@@-${count.index}"
  cluster_identifier = aws_rds_cluster.billing.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.billing.engine
}
''',
    "cache.tf": '''resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions-@@NAME@@"
  description                = "user sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = var.redis_nodes
  automatic_failover_enabled = var.redis_nodes > 1
  multi_az_enabled           = var.redis_nodes > 1
  port                       = 6379
}

resource "aws_elasticache_cluster" "rate_limits" {
  cluster_id      = "ratelimit-@@NAME@@"
  engine          = "redis"
  node_type       = "cache.t4g.micro"
  num_cache_nodes = 1
  port            = 6379
}

resource "aws_efs_file_system" "uploads" {
  creation_token         = "uploads-@@NAME@@"
  availability_zone_name = "eu-west-1a"
  encrypted              = true
}
''',
    "terraform.tfvars": '''env         = "@@ENV@@"
redis_nodes = @@REDIS_NODES@@
''',
}

TF_ROOT = {
    "main.tf": '''module "network" {
  source             = "./modules/network"
  name               = "@@NAME@@"
  cidr               = "10.@@OCT@@.0.0/16"
  single_nat_gateway = @@SINGLE_NAT@@
  tags = {
    Team = "platform"
  }
}

module "data" {
  source      = "./modules/data"
  env         = "@@ENV@@"
  db_multi_az = @@MULTI_AZ@@
  subnet_ids  = module.network.private_subnet_ids
}

resource "aws_eks_cluster" "main" {
  name     = "@@NAME@@"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.30"

  vpc_config {
    subnet_ids              = module.network.private_subnet_ids
    endpoint_private_access = true
  }
}

resource "aws_eks_node_group" "default" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "default"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = module.network.private_subnet_ids
  instance_types  = ["m6i.large"]

  scaling_config {
    desired_size = @@NODES@@
    min_size     = @@NODES@@
    max_size     = 6
  }

  update_config {
    max_unavailable = 1
  }
}

resource "aws_iam_role" "cluster" {
  name = "@@NAME@@-eks-cluster"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "eks.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role" "node" {
  name = "@@NAME@@-eks-node"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}
''',
    "dns.tf": '''resource "aws_route53_zone" "public" {
  name = "@@NAME@@.example.com"
}

resource "aws_route53_record" "api" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "api.@@NAME@@.example.com"
  type    = "A"

  alias {
    name                   = aws_lb.api.dns_name
    zone_id                = aws_lb.api.zone_id
    evaluate_target_health = true
  }
}

resource "aws_acm_certificate" "api" {
  domain_name       = "api.@@NAME@@.example.com"
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_lb" "api" {
  name               = "api-@@NAME@@"
  load_balancer_type = "application"
  subnets            = module.network.public_subnet_ids
  idle_timeout       = 60
}

resource "aws_lb_target_group" "api" {
  name     = "api-@@NAME@@"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = module.network.vpc_id

  health_check {
    path    = "/healthz"
    matcher = "200"
  }
}
''',
    "variables.tf": '''variable "region" {
  type    = string
  default = "eu-west-1"
}
''',
    "providers.tf": '''provider "aws" {
  region = var.region

  default_tags {
    tags = {
      ManagedBy = "terraform"
    }
  }
}
''',
}

CFN_QUEUE_YAML = '''AWSTemplateFormatVersion: "2010-09-09"
Description: Orders database and cache for @@NAME@@
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
    Default: @@ENV@@
  MultiAZ:
    Type: String
    AllowedValues: ["true", "false"]
  SubnetIds:
    Type: List<AWS::EC2::Subnet::Id>
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  OrdersSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: orders
      SubnetIds: !Ref SubnetIds
  OrdersDb:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    Properties:
      DBInstanceIdentifier: !Sub "orders-${Env}-@@NAME@@"
      Engine: postgres
      DBInstanceClass: db.r6g.large
      AllocatedStorage: "@@STORAGE@@"
      MultiAZ: @@CFN_MULTI_AZ@@
      DBSubnetGroupName: !Ref OrdersSubnets
      MasterUsername: orders
      ManageMasterUserPassword: true
  ReportingDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t4g.medium
      AllocatedStorage: "20"
      MultiAZ: !Ref MultiAZ
      MasterUsername: report
      ManageMasterUserPassword: true
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: sessions
      Engine: redis
      CacheNodeType: cache.t4g.small
      NumCacheClusters: !If [IsProd, 2, 1]
      AutomaticFailoverEnabled: !If [IsProd, true, false]
  Uploads:
    Type: AWS::EFS::FileSystem
    Properties:
      AvailabilityZoneName: eu-west-1a
      Encrypted: true
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "${AWS::StackName}-orders"
      VisibilityTimeout: 60
Outputs:
  DbEndpoint:
    Value: !GetAtt OrdersDb.Endpoint.Address
    Export:
      Name: !Sub "${AWS::StackName}-db"
'''

CFN_NETWORK_YAML = '''AWSTemplateFormatVersion: "2010-09-09"
Description: Network for @@NAME@@ with NAT gateways
Parameters:
  VpcCidr:
    Type: String
    Default: 10.@@OCT@@.0.0/16
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref VpcCidr
      EnableDnsHostnames: true
      Tags:
        - Key: Name
          Value: @@NAME@@
  PublicA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!Ref VpcCidr, 6, 8]]
      AvailabilityZone: !Select [0, !GetAZs ""]
  PublicB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [1, !Cidr [!Ref VpcCidr, 6, 8]]
      AvailabilityZone: !Select [1, !GetAZs ""]
  PrivateA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [2, !Cidr [!Ref VpcCidr, 6, 8]]
      AvailabilityZone: !Select [0, !GetAZs ""]
  PrivateB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [3, !Cidr [!Ref VpcCidr, 6, 8]]
      AvailabilityZone: !Select [1, !GetAZs ""]
  NatEip:
    Type: AWS::EC2::EIP
    Properties:
      Domain: vpc
  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      AllocationId: !GetAtt NatEip.AllocationId
      SubnetId: !Ref PublicA
  PrivateRoutes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
  DefaultRoute:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref PrivateRoutes
      DestinationCidrBlock: 0.0.0.0/0
      NatGatewayId: !Ref Nat
  PrivateAAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      RouteTableId: !Ref PrivateRoutes
      SubnetId: !Ref PrivateA
  PrivateBAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      RouteTableId: !Ref PrivateRoutes
      SubnetId: !Ref PrivateB
  ApiLoadBalancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: application
      Subnets: [!Ref PublicA, !Ref PublicB]
Outputs:
  VpcId:
    Value: !Ref Vpc
'''

CFN_SERVICE_YAML = '''AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Description: API service for @@NAME@@
Parameters:
  DesiredCount:
    Type: Number
    Default: @@DESIRED@@
  Subnets:
    Type: CommaDelimitedList
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: api-@@NAME@@
      Cpu: "512"
      Memory: "1024"
      NetworkMode: awsvpc
      RequiresCompatibilities: [FARGATE]
      ContainerDefinitions:
        - Name: api
          Image: public.ecr.aws/example/api:1.@@I@@
          PortMappings:
            - ContainerPort: 8080
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      DesiredCount: !Ref DesiredCount
      LaunchType: FARGATE
      TaskDefinition: !Ref TaskDefinition
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: !Ref Subnets
  Certificate:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: api.@@NAME@@.example.com
      ValidationMethod: DNS
  Zone:
    Type: AWS::Route53::HostedZone
    Properties:
      Name: @@NAME@@.example.com
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://artifacts-@@NAME@@/worker.zip
      MemorySize: 256
'''


def cfn_json_stack(name, i):
    """A JSON CloudFormation template, as CDK or a console export writes it."""
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "Search and queue tier for " + name,
        "Parameters": {
            "Env": {"Type": "String", "Default": "prod" if i % 2 else "dev"},
            "MasterCount": {"Type": "Number", "Default": 3 if i % 3 else 1},
        },
        "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
        "Resources": {
            "SearchDomain": {
                "Type": "AWS::OpenSearchService::Domain",
                "Properties": {
                    "DomainName": "search-" + name,
                    "EngineVersion": "OpenSearch_2.11",
                    "ClusterConfig": {
                        "InstanceType": "r6g.large.search",
                        "InstanceCount": 2 + i % 2,
                        "DedicatedMasterEnabled": True,
                        "DedicatedMasterCount": {"Ref": "MasterCount"},
                        "ZoneAwarenessEnabled": {"Fn::If": ["IsProd", True, False]},
                    },
                    "EBSOptions": {"EBSEnabled": True, "VolumeSize": 100},
                },
            },
            "Broker": {
                "Type": "AWS::MSK::Cluster",
                "Properties": {
                    "ClusterName": "events-" + name,
                    "KafkaVersion": "3.6.0",
                    "NumberOfBrokerNodes": 2 if i % 4 == 0 else 3,
                    "BrokerNodeGroupInfo": {
                        "InstanceType": "kafka.m5.large",
                        "ClientSubnets": ["subnet-a%04d" % i, "subnet-b%04d" % i],
                    },
                },
            },
            "Table": {
                "Type": "AWS::DynamoDB::Table",
                "Properties": {
                    "TableName": {"Fn::Sub": "${Env}-orders-" + name},
                    "BillingMode": "PAY_PER_REQUEST",
                    "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                    "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
                },
            },
            "Instance": {
                "Type": "AWS::EC2::Instance",
                "Properties": {
                    "InstanceType": "t3.medium",
                    "ImageId": "ami-%08x" % (0x1000 + i),
                    "AvailabilityZone": "eu-west-1a",
                },
            },
        },
        "Outputs": {"SearchEndpoint": {"Value": {"Fn::GetAtt": ["SearchDomain", "DomainEndpoint"]}}},
    }


K8S_APP = '''apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: @@NAME@@
  labels:
    app.kubernetes.io/name: api
spec:
  replicas: @@REPLICAS@@
  selector:
    matchLabels:
      app.kubernetes.io/name: api
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        app.kubernetes.io/name: api
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: topology.kubernetes.io/zone
                labelSelector:
                  matchLabels:
                    app.kubernetes.io/name: api
      containers:
        - name: api
          image: registry.example.com/@@NAME@@/api:1.@@I@@.0
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 512Mi
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: @@NAME@@
spec:
  selector:
    app.kubernetes.io/name: api
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api
  namespace: @@NAME@@
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: api
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
  namespace: @@NAME@@
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: api
  minReplicas: @@HPA_MIN@@
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
'''

K8S_WORKER = '''apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  namespace: @@NAME@@
spec:
  replicas: 1
  selector:
    matchLabels:
      app: worker
  template:
    metadata:
      labels:
        app: worker
    spec:
      nodeSelector:
        kubernetes.io/hostname: node-@@I@@
      containers:
        - name: worker
          image: registry.example.com/@@NAME@@/worker:2.@@I@@
          args: ["--queue", "orders", "--concurrency", "8"]
          env:
            - name: REDIS_URL
              value: redis://redis.@@NAME@@.svc:6379
'''

K8S_REDIS = '''apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
  namespace: @@NAME@@
spec:
  serviceName: redis
  replicas: 1
  selector:
    matchLabels:
      app: redis
  template:
    metadata:
      labels:
        app: redis
    spec:
      containers:
        - name: redis
          image: redis:7.2
          ports:
            - containerPort: 6379
          volumeMounts:
            - name: data
              mountPath: /data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 10Gi
---
apiVersion: v1
kind: Service
metadata:
  name: redis
  namespace: @@NAME@@
spec:
  clusterIP: None
  selector:
    app: redis
  ports:
    - port: 6379
'''

K8S_INGRESS = '''apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
  namespace: @@NAME@@
  annotations:
    nginx.ingress.kubernetes.io/proxy-body-size: 8m
spec:
  ingressClassName: nginx
  tls:
    - hosts: [api.@@NAME@@.example.com]
      secretName: api-tls-manual
  rules:
    - host: api.@@NAME@@.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
'''

K8S_MISC = '''apiVersion: v1
kind: Namespace
metadata:
  name: @@NAME@@
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
  namespace: @@NAME@@
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "checkout,search"
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
  namespace: @@NAME@@
spec:
  schedule: "@@MIN@@ 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: registry.example.com/@@NAME@@/report:1.0
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: @@NAME@@
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      containers:
        - name: agent
          image: fluent/fluent-bit:3.0
'''

K8S_CERT = '''apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: web-tls
  namespace: @@NAME@@
spec:
  secretName: web-tls
  dnsNames: [www.@@NAME@@.example.com]
  issuerRef:
    name: letsencrypt
    kind: ClusterIssuer
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: @@NAME@@
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
spec:
  tls:
    - hosts: [www.@@NAME@@.example.com]
      secretName: web-tls
  rules:
    - host: www.@@NAME@@.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
'''


TF_EXTRA_ROOT = {
    "outputs.tf": '''output "cluster_endpoint" {
  value = aws_eks_cluster.main.endpoint
}

output "api_dns" {
  value = aws_route53_record.api.fqdn
}
''',
    "backend.tf": '''terraform {
  backend "s3" {
    bucket         = "tfstate-@@NAME@@"
    key            = "platform/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "tfstate-lock"
    encrypt        = true
  }
}
''',
}

TF_DATA_OUTPUTS = '''output "orders_endpoint" {
  value = aws_db_instance.orders.address
}

output "sessions_endpoint" {
  value = aws_elasticache_replication_group.sessions.primary_endpoint_address
}
'''

CFN_BUCKETS_YAML = '''AWSTemplateFormatVersion: "2010-09-09"
Description: Artifact and state buckets for @@NAME@@
Resources:
  Artifacts:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    Properties:
      BucketName: artifacts-@@NAME@@
      VersioningConfiguration:
        Status: Enabled
  State:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: state-@@NAME@@
  Vpn:
    Type: AWS::EC2::VPNConnection
    Properties:
      Type: ipsec.1
      CustomerGatewayId: cgw-@@I@@
      VpnGatewayId: vgw-@@I@@
      StaticRoutesOnly: true
'''

K8S_PAYMENTS = '''apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
  namespace: @@NAME@@
spec:
  replicas: 2
  selector:
    matchLabels:
      app: payments
  template:
    metadata:
      labels:
        app: payments
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app: payments
      containers:
        - name: payments
          image: registry.example.com/@@NAME@@/payments:3.@@I@@
          readinessProbe:
            tcpSocket:
              port: 9000
'''

K8S_RBAC = '''apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
  namespace: @@NAME@@
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: api-read
  namespace: @@NAME@@
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: api-read
  namespace: @@NAME@@
subjects:
  - kind: ServiceAccount
    name: api
roleRef:
  kind: Role
  name: api-read
  apiGroup: rbac.authorization.k8s.io
'''


def values(i):
    """Per-copy substitutions: names differ, and a few SPOF-relevant values vary so copies are not identical."""
    name = "team%04d" % i
    return {
        "@@NAME@@": name,
        "@@I@@": str(i),
        "@@OCT@@": str(i % 250),
        "@@ENV@@": "prod" if i % 2 else "dev",
        "@@SINGLE_NAT@@": "true" if i % 3 == 0 else "false",
        "@@MULTI_AZ@@": "true" if i % 2 else "false",
        "@@CFN_MULTI_AZ@@": "true" if i % 2 else "false",
        "@@REDIS_NODES@@": str(1 + i % 3),
        "@@STORAGE@@": str(100 + 10 * (i % 9)),
        "@@AURORA_INSTANCES@@": str(1 + i % 2),
        "@@NODES@@": str(1 + i % 3),
        "@@DESIRED@@": str(1 + i % 3),
        "@@REPLICAS@@": str(1 + i % 4),
        "@@HPA_MIN@@": str(1 + i % 2),
        "@@MIN@@": str(i % 60),
    }


def fill(template, subst):
    for key, val in subst.items():
        template = template.replace(key, val)
    return template


def copy_files(i):
    """The files of copy i as (relative path, text)."""
    v = values(i)
    files = []
    for name, text in TF_ROOT.items():
        files.append(("terraform/" + name, fill(text, v)))
    for name, text in TF_NETWORK.items():
        files.append(("terraform/modules/network/" + name, fill(text, v)))
    for name, text in TF_EXTRA_ROOT.items():
        files.append(("terraform/" + name, fill(text, v)))
    for name, text in TF_DATA.items():
        files.append(("terraform/modules/data/" + name, fill(text, v)))
    files.append(("terraform/modules/data/outputs.tf", fill(TF_DATA_OUTPUTS, v)))
    files.append(("terraform/modules/data/versions.tf", TF_NETWORK["versions.tf"]))
    files.append(("cloudformation/buckets.yaml", fill(CFN_BUCKETS_YAML, v)))
    files.append(("cloudformation/data.yaml", fill(CFN_QUEUE_YAML, v)))
    files.append(("cloudformation/network.yaml", fill(CFN_NETWORK_YAML, v)))
    files.append(("cloudformation/service.yml", fill(CFN_SERVICE_YAML, v)))
    files.append(("cloudformation/search.json", json.dumps(cfn_json_stack(v["@@NAME@@"], i), indent=2) + "\n"))
    files.append(("cloudformation/search-compact.template.json",
                  json.dumps(cfn_json_stack(v["@@NAME@@"] + "b", i + 1), separators=(",", ":")) + "\n"))
    for name, text in (("app.yaml", K8S_APP), ("worker.yaml", K8S_WORKER), ("redis.yaml", K8S_REDIS),
                       ("ingress.yaml", K8S_INGRESS), ("misc.yaml", K8S_MISC), ("web-cert.yaml", K8S_CERT),
                       ("payments.yaml", K8S_PAYMENTS), ("rbac.yaml", K8S_RBAC)):
        files.append(("k8s/" + name, fill(text, v)))
    return files


def generate(out_dir, copies):
    count = 0
    size = 0
    for i in range(1, copies + 1):
        base = os.path.join(out_dir, "repo-%04d" % i)
        for rel, text in copy_files(i):
            path = os.path.join(base, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            count += 1
            size += len(text.encode("utf-8"))
    return count, size


def main(argv):
    if len(argv) != 3 or not argv[2].isdigit() or int(argv[2]) < 1:
        print("usage: generate.py OUT_DIR COPIES", file=sys.stderr)
        return 2
    out_dir, copies = argv[1], int(argv[2])
    if os.path.exists(out_dir) and os.listdir(out_dir):
        print("generate.py: %s is not empty; remove it first" % out_dir, file=sys.stderr)
        return 2
    count, size = generate(out_dir, copies)
    print("%s: %d copies, %d files, %.1f KiB" % (out_dir, copies, count, size / 1024))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
