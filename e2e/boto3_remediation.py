"""Automatic remediation through boto3 against a running Salve (run by e2e/run.sh).

The Salve endpoint comes from AWS_ENDPOINT_URL (a Salve started with
--aws-endpoint pointing at moto); MOTO_URL is moto itself, where the bucket
lives. A NON_COMPLIANT PutEvaluations result must be remediated by
AWS-ConfigureS3BucketEncryption without any other call. Each check prints
"ok   <name>" or "FAIL <name>"; the script exits 1 if any check failed.
"""

import datetime as dt
import os
import sys
import time

import boto3
from botocore.exceptions import ClientError

from checks import check, run_all

RULE = "e2e-boto3-auto-remediation"
BUCKET = "e2e-boto3-rem-bucket"
BUCKET_TYPE = "AWS::S3::Bucket"

config = boto3.client("config")
sts = boto3.client("sts")
s3 = boto3.client("s3", endpoint_url=os.environ["MOTO_URL"])
ACCOUNT = sts.get_caller_identity()["Account"]
REGION = config.meta.region_name

def status():
    """The bucket's remediation execution status, or None."""
    resp = config.describe_remediation_execution_status(
        ConfigRuleName=RULE, ResourceKeys=[{"resourceType": BUCKET_TYPE, "resourceId": BUCKET}])
    items = resp["RemediationExecutionStatuses"]
    return items[0] if items else None


@check
def setup():
    """setup: moto bucket without encryption, CUSTOM_LAMBDA rule, automatic remediation"""
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    try:
        s3.get_bucket_encryption(Bucket=BUCKET)
        raise AssertionError(f"{BUCKET} already has default encryption in moto")
    except ClientError as e:
        assert e.response["Error"]["Code"] == "ServerSideEncryptionConfigurationNotFoundError", e
    config.put_config_rule(ConfigRule={
        "ConfigRuleName": RULE,
        "Scope": {"ComplianceResourceTypes": [BUCKET_TYPE]},
        "Source": {"Owner": "CUSTOM_LAMBDA",
                   "SourceIdentifier": f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:e2e-boto3-check",
                   "SourceDetails": [{"EventSource": "aws.config",
                                      "MessageType": "ConfigurationItemChangeNotification"}]},
    })
    resp = config.put_remediation_configurations(RemediationConfigurations=[{
        "ConfigRuleName": RULE, "TargetType": "SSM_DOCUMENT", "TargetId": "AWS-ConfigureS3BucketEncryption",
        "Automatic": True, "MaximumAutomaticAttempts": 3, "RetryAttemptSeconds": 60,
        "Parameters": {
            "AutomationAssumeRole": {"StaticValue": {"Values": [f"arn:aws:iam::{ACCOUNT}:role/Remediation"]}},
            "BucketName": {"ResourceValue": {"Value": "RESOURCE_ID"}},
            "SSEAlgorithm": {"StaticValue": {"Values": ["AES256"]}},
        },
    }])
    assert not resp.get("FailedBatches"), f"FailedBatches: {resp['FailedBatches']}"
    assert status() is None, f"an execution exists before any evaluation: {status()}"


@check
def put_evaluations_triggers():
    """put_evaluations NON_COMPLIANT alone starts the remediation, which ends SUCCEEDED"""
    resp = config.put_evaluations(ResultToken=RULE, Evaluations=[{
        "ComplianceResourceType": BUCKET_TYPE, "ComplianceResourceId": BUCKET,
        "ComplianceType": "NON_COMPLIANT", "Annotation": "no default encryption",
        "OrderingTimestamp": dt.datetime.now(dt.timezone.utc)}])
    assert not resp.get("FailedEvaluations"), f"FailedEvaluations: {resp['FailedEvaluations']}"
    deadline = time.monotonic() + 30
    st = status()
    while time.monotonic() < deadline and (st is None or st["State"] not in ("SUCCEEDED", "FAILED")):
        time.sleep(0.2)
        st = status()
    assert st is not None, "no remediation execution 30 s after put_evaluations"
    assert st["State"] == "SUCCEEDED", f"State = {st['State']}: {st.get('StepDetails')}"
    assert isinstance(st.get("InvocationTime"), dt.datetime), f"InvocationTime = {st.get('InvocationTime')}"
    steps = st.get("StepDetails", [])
    assert "PutBucketEncryption" in [s["Name"] for s in steps], f"StepDetails = {steps}"
    assert all(s["State"] == "SUCCEEDED" for s in steps), f"StepDetails = {steps}"


@check
def bucket_encrypted():
    """moto: the bucket now has default encryption AES256"""
    enc = s3.get_bucket_encryption(Bucket=BUCKET)["ServerSideEncryptionConfiguration"]
    algo = enc["Rules"][0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"]
    assert algo == "AES256", f"SSEAlgorithm = {algo}"


if __name__ == "__main__":
    sys.exit(run_all("boto3 remediation"))
