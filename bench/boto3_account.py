"""The account-scale benchmark's boto3 peer: invalidations created since a time, across the account.

Usage: python3 boto3_account.py ENDPOINT_URL SINCE_ISO8601   (prints the number of invalidations)
As a boto3 user writes it in one process: list_distributions, then the list_invalidations paginator per
distribution over its whole history, then a filter. Credentials and region come from the environment.
"""
import sys
from datetime import datetime

import boto3


def main(endpoint_url, since_text):
    since = datetime.fromisoformat(since_text.replace("Z", "+00:00"))
    client = boto3.client("cloudfront", endpoint_url=endpoint_url, region_name="us-east-1")
    count = 0
    for distributions in client.get_paginator("list_distributions").paginate():
        for distribution in distributions["DistributionList"].get("Items", []):
            pages = client.get_paginator("list_invalidations").paginate(DistributionId=distribution["Id"])
            for page in pages:
                count += sum(1 for item in page["InvalidationList"].get("Items", []) if item["CreateTime"] >= since)
    print(count)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
