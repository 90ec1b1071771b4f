"""The benchmark's boto3 peer: lists every invalidation of one distribution with boto3's paginator.

Usage: python3 boto3_list.py ENDPOINT_URL DISTRIBUTION_ID   (prints the number of invalidations)
Credentials and region come from the environment the benchmark sets.
"""
import sys

import boto3


def main(endpoint_url, distribution_id):
    client = boto3.client("cloudfront", endpoint_url=endpoint_url, region_name="us-east-1")
    count = 0
    for page in client.get_paginator("list_invalidations").paginate(DistributionId=distribution_id):
        count += len(page["InvalidationList"].get("Items", []))
    print(count)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
