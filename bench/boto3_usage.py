"""The usage benchmark's boto3 peer: a month's invalidation paths across the account.

Usage: python3 boto3_usage.py ENDPOINT_URL MONTH_START_ISO8601 MONTH_END_ISO8601
Prints the invalidations and the paths created in [start, end), and the paths in progress now, space-separated.
As a boto3 user writes it, sequentially in one process: list_distributions, list_invalidations newest first
per distribution stopping at the first page that reaches before the month, get_invalidation per invalidation
of the month (and per one in progress). Credentials and region come from the environment.
"""
import sys
from datetime import datetime

import boto3


def main(endpoint_url, start_text, end_text):
    start = datetime.fromisoformat(start_text.replace("Z", "+00:00"))
    end = datetime.fromisoformat(end_text.replace("Z", "+00:00"))
    client = boto3.client("cloudfront", endpoint_url=endpoint_url, region_name="us-east-1")
    invalidations = paths = in_progress = 0
    for distributions in client.get_paginator("list_distributions").paginate():
        for distribution in distributions["DistributionList"].get("Items", []):
            for page in client.get_paginator("list_invalidations").paginate(DistributionId=distribution["Id"]):
                items = page["InvalidationList"].get("Items", [])
                for item in items:
                    in_month = start <= item["CreateTime"] < end
                    if not in_month and item["Status"] == "Completed":
                        continue
                    batch = client.get_invalidation(DistributionId=distribution["Id"], Id=item["Id"])["Invalidation"]
                    count = batch["InvalidationBatch"]["Paths"]["Quantity"]
                    if in_month:
                        invalidations += 1
                        paths += count
                    if batch["Status"] != "Completed":
                        in_progress += count
                if any(item["CreateTime"] < start for item in items):
                    break
    print(invalidations, paths, in_progress)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
