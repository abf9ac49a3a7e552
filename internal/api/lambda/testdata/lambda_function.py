
import os, json, boto3

s3 = boto3.client("s3")

def lambda_handler(event, context):
    # Config event ‚Üí resourceId is the bucket name for S3 buckets
    detail = event.get("detail", {})
    resource_id = (detail.get("resourceId") or
                   detail.get("newEvaluationResult", {}).get("evaluationResultIdentifier", {})
                        .get("evaluationResultQualifier", {}).get("resourceId"))
    if not resource_id:
        return {"status": "skipped", "reason": "no resourceId"}

    s3.put_bucket_encryption(
        Bucket=resource_id,
        ServerSideEncryptionConfiguration={
            "Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]
        }
    )
    return {"status":"remediated","bucket":resource_id}
