"""End-to-end flow through boto3 against a running Salve (run by e2e/run.sh).

The endpoint, region and dummy credentials come from the environment
(AWS_ENDPOINT_URL, AWS_DEFAULT_REGION, AWS_ACCESS_KEY_ID, ...), exactly as a
user's boto3 code would pick them up. Each check prints "ok   <name>" or
"FAIL <name>" with the reason; the script exits 1 if any check failed.
"""

import datetime as dt
import sys

import boto3
from botocore.exceptions import ClientError

from checks import check, run_all

RULE = "e2e-boto3-s3-encryption"
BUCKET_TYPE = "AWS::S3::Bucket"
BAD_A, BAD_B, GOOD = "e2e-boto3-legacy", "e2e-boto3-scratch", "e2e-boto3-encrypted"
NODE = "i-0e2e0000000000001"
NODE2 = "i-0e2e0000000000002"
AV_TYPE = "Custom:AVCheck"

config = boto3.client("config")
ssm = boto3.client("ssm")
sts = boto3.client("sts")

def error_code(call, **kwargs):
    """Calls the client method and returns the AWS error name it raised."""
    try:
        resp = call(**kwargs)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"].get("Message", "")
    raise AssertionError(f"{call.__name__} succeeded but should have failed: {resp}")


def key(resource_id):
    return {"ResourceType": BUCKET_TYPE, "ResourceId": resource_id}


# --- STS -------------------------------------------------------------------


@check
def caller_identity():
    """sts get_caller_identity names the default account"""
    ident = sts.get_caller_identity()
    assert ident["Account"] == "123456789012", f"Account = {ident['Account']!r}, want the default 123456789012"
    assert ident["Arn"].startswith("arn:aws:"), f"Arn = {ident['Arn']!r}"
    assert ident.get("UserId"), "UserId is empty"


# --- remediation exceptions ---------------------------------------------------


@check
def setup_rule():
    """setup: put_config_rule and put_evaluations (2 NON_COMPLIANT, 1 COMPLIANT)"""
    config.put_config_rule(ConfigRule={
        "ConfigRuleName": RULE,
        "Scope": {"ComplianceResourceTypes": [BUCKET_TYPE]},
        "Source": {"Owner": "AWS", "SourceIdentifier": "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"},
    })
    when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    evals = [{"ComplianceResourceType": BUCKET_TYPE, "ComplianceResourceId": rid, "ComplianceType": c,
              "OrderingTimestamp": when}
             for rid, c in ((BAD_A, "NON_COMPLIANT"), (BAD_B, "NON_COMPLIANT"), (GOOD, "COMPLIANT"))]
    resp = config.put_evaluations(Evaluations=evals, ResultToken=RULE)
    assert not resp.get("FailedEvaluations"), f"FailedEvaluations: {resp.get('FailedEvaluations')}"


EXPIRES = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=30)).replace(microsecond=0)


@check
def put_exception_non_compliant():
    """put_remediation_exceptions on a NON_COMPLIANT resource with Message and ExpirationTime"""
    resp = config.put_remediation_exceptions(
        ConfigRuleName=RULE, ResourceKeys=[key(BAD_A)],
        Message="Legacy bucket: accepted risk until migration (e2e)", ExpirationTime=EXPIRES)
    assert not resp.get("FailedBatches"), f"FailedBatches: {resp.get('FailedBatches')}"


@check
def put_exception_compliant():
    """put_remediation_exceptions on a COMPLIANT resource comes back in FailedBatches with a reason"""
    resp = config.put_remediation_exceptions(ConfigRuleName=RULE, ResourceKeys=[key(GOOD)],
                                             Message="should not be stored")
    batches = resp.get("FailedBatches", [])
    assert len(batches) == 1, f"want 1 FailedBatch, got {batches}"
    items = batches[0].get("FailedItems", [])
    assert [i["ResourceId"] for i in items] == [GOOD], f"FailedItems = {items}"
    assert batches[0].get("FailureMessage"), "FailureMessage is empty: the caller cannot tell why"


@check
def put_exception_past_expiry():
    """put_remediation_exceptions with an ExpirationTime in the past: InvalidParameterValueException"""
    past = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    code, msg = error_code(config.put_remediation_exceptions, ConfigRuleName=RULE,
                           ResourceKeys=[key(BAD_B)], ExpirationTime=past)
    assert code == "InvalidParameterValueException", f"code = {code}: {msg}"


@check
def put_exception_unknown_rule():
    """put_remediation_exceptions for an unknown rule: NoSuchConfigRuleException"""
    code, msg = error_code(config.put_remediation_exceptions, ConfigRuleName="e2e-no-such-rule",
                           ResourceKeys=[key(BAD_A)])
    assert code == "NoSuchConfigRuleException", f"code = {code}: {msg}"


@check
def describe_exceptions():
    """describe_remediation_exceptions returns the exception with its Message and ExpirationTime"""
    resp = config.describe_remediation_exceptions(ConfigRuleName=RULE)
    excs = resp["RemediationExceptions"]
    assert [e["ResourceId"] for e in excs] == [BAD_A], f"exceptions = {excs}"
    e = excs[0]
    assert e["ConfigRuleName"] == RULE and e["ResourceType"] == BUCKET_TYPE, f"exception = {e}"
    assert e.get("Message") == "Legacy bucket: accepted risk until migration (e2e)", f"Message = {e.get('Message')!r}"
    got = e.get("ExpirationTime")
    assert got is not None and abs((got - EXPIRES).total_seconds()) < 1, f"ExpirationTime = {got}, want {EXPIRES}"
    by_key = config.describe_remediation_exceptions(ConfigRuleName=RULE, ResourceKeys=[key(BAD_A), key(BAD_B)])
    assert [x["ResourceId"] for x in by_key["RemediationExceptions"]] == [BAD_A], \
        f"by ResourceKeys: {by_key['RemediationExceptions']}"


@check
def delete_exceptions():
    """delete_remediation_exceptions removes it; deleting again is NoSuchRemediationExceptionException"""
    resp = config.delete_remediation_exceptions(ConfigRuleName=RULE, ResourceKeys=[key(BAD_A)])
    assert not resp.get("FailedBatches"), f"FailedBatches: {resp.get('FailedBatches')}"
    left = config.describe_remediation_exceptions(ConfigRuleName=RULE)["RemediationExceptions"]
    assert left == [], f"exceptions left after delete: {left}"
    code, msg = error_code(config.delete_remediation_exceptions, ConfigRuleName=RULE, ResourceKeys=[key(BAD_A)])
    assert code == "NoSuchRemediationExceptionException", f"code = {code}: {msg}"


# --- SSM compliance items (product document 003) ---------------------------------


def put_av(items, content_hash, node=NODE, when=None):
    ssm.put_compliance_items(
        ResourceId=node, ResourceType="ManagedInstance", ComplianceType=AV_TYPE,
        ExecutionSummary={"ExecutionTime": when or dt.datetime(2026, 3, 1, 12, tzinfo=dt.timezone.utc),
                          "ExecutionId": "e2e-scan-1", "ExecutionType": "Command"},
        Items=items, ItemContentHash=content_hash, UploadType="COMPLETE")


def av_items(node=NODE):
    resp = ssm.list_compliance_items(ResourceIds=[node], ResourceTypes=["ManagedInstance"],
                                     Filters=[{"Key": "ComplianceType", "Values": [AV_TYPE], "Type": "EQUAL"}])
    return sorted(resp["ComplianceItems"], key=lambda i: i["Id"])


AV_ITEMS = [
    {"Id": "signatures", "Title": "Signatures up to date", "Severity": "HIGH", "Status": "COMPLIANT",
     "Details": {"SignatureVersion": "1.421.0"}},
    {"Id": "realtime", "Title": "Real-time protection on", "Severity": "CRITICAL", "Status": "NON_COMPLIANT",
     "Details": {"Reason": "disabled by policy"}},
    {"Id": "scan", "Title": "Full scan in the last 7 days", "Severity": "MEDIUM", "Status": "COMPLIANT"},
]


@check
def put_compliance_complete():
    """put_compliance_items COMPLETE with three items; list_compliance_items returns them"""
    put_av(AV_ITEMS, "hash-v1")
    items = av_items()
    got = [(i["Id"], i["Status"], i["Severity"]) for i in items]
    assert got == [("realtime", "NON_COMPLIANT", "CRITICAL"), ("scan", "COMPLIANT", "MEDIUM"),
                   ("signatures", "COMPLIANT", "HIGH")], f"items = {got}"
    sig = items[2]
    assert sig["ResourceId"] == NODE and sig["ResourceType"] == "ManagedInstance", f"item = {sig}"
    assert sig["ComplianceType"] == AV_TYPE and sig["Title"] == "Signatures up to date", f"item = {sig}"
    assert sig.get("Details") == {"SignatureVersion": "1.421.0"}, f"Details = {sig.get('Details')}"
    assert sig["ExecutionSummary"]["ExecutionId"] == "e2e-scan-1", f"ExecutionSummary = {sig['ExecutionSummary']}"


@check
def put_compliance_same_hash_ignored():
    """put_compliance_items with the same ItemContentHash is ignored"""
    put_av([{"Id": "only", "Severity": "LOW", "Status": "COMPLIANT"}], "hash-v1")
    ids = [i["Id"] for i in av_items()]
    assert ids == ["realtime", "scan", "signatures"], f"same hash must not overwrite; items = {ids}"


@check
def put_compliance_new_hash_overwrites():
    """put_compliance_items COMPLETE with a new hash replaces every item of the type"""
    put_av(AV_ITEMS[:2], "hash-v2")
    ids = [i["Id"] for i in av_items()]
    assert ids == ["realtime", "signatures"], f"items = {ids}"


@check
def put_compliance_partial_association():
    """put_compliance_items PARTIAL for Association replaces items by Id and keeps the others"""
    def put(items, upload):
        ssm.put_compliance_items(
            ResourceId=NODE, ResourceType="ManagedInstance", ComplianceType="Association",
            ExecutionSummary={"ExecutionTime": dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc)},
            Items=items, UploadType=upload)
    put([{"Id": "assoc-1", "Severity": "HIGH", "Status": "COMPLIANT", "Title": "CloudWatch agent"},
         {"Id": "assoc-2", "Severity": "LOW", "Status": "COMPLIANT", "Title": "Inventory"}], "COMPLETE")
    put([{"Id": "assoc-2", "Severity": "LOW", "Status": "NON_COMPLIANT", "Title": "Inventory"}], "PARTIAL")
    resp = ssm.list_compliance_items(ResourceIds=[NODE], ResourceTypes=["ManagedInstance"],
                                     Filters=[{"Key": "ComplianceType", "Values": ["Association"]}])
    got = sorted((i["Id"], i["Status"]) for i in resp["ComplianceItems"])
    assert got == [("assoc-1", "COMPLIANT"), ("assoc-2", "NON_COMPLIANT")], f"items = {got}"


@check
def put_compliance_partial_custom_rejected():
    """put_compliance_items PARTIAL for a custom type: InvalidItemContentException"""
    code, msg = error_code(
        ssm.put_compliance_items, ResourceId=NODE, ResourceType="ManagedInstance", ComplianceType=AV_TYPE,
        ExecutionSummary={"ExecutionTime": dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc)},
        Items=[{"Id": "scan", "Severity": "LOW", "Status": "COMPLIANT"}], UploadType="PARTIAL")
    assert code == "InvalidItemContentException", f"code = {code}: {msg}"


@check
def put_compliance_bad_resource_type():
    """put_compliance_items with ResourceType other than ManagedInstance: InvalidResourceType"""
    code, msg = error_code(
        ssm.put_compliance_items, ResourceId=NODE, ResourceType="AWS::S3::Bucket", ComplianceType=AV_TYPE,
        ExecutionSummary={"ExecutionTime": dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc)},
        Items=[{"Id": "x", "Severity": "LOW", "Status": "COMPLIANT"}])
    assert code == "InvalidResourceType", f"code = {code}: {msg}"


@check
def put_compliance_bad_type_pattern():
    """put_compliance_items with a ComplianceType outside the pattern: ValidationException"""
    code, msg = error_code(
        ssm.put_compliance_items, ResourceId=NODE, ResourceType="ManagedInstance", ComplianceType="Custom:bad type!",
        ExecutionSummary={"ExecutionTime": dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc)},
        Items=[{"Id": "x", "Severity": "LOW", "Status": "COMPLIANT"}])
    assert code == "ValidationException", f"code = {code}: {msg}"
    assert "complianceType" in msg, f"message does not name the member: {msg}"


@check
def list_compliance_items_filters():
    """list_compliance_items filters by Status and by Id"""
    put_av(AV_ITEMS, "hash-v3", node=NODE2)
    resp = ssm.list_compliance_items(ResourceIds=[NODE2], ResourceTypes=["ManagedInstance"], Filters=[
        {"Key": "ComplianceType", "Values": [AV_TYPE], "Type": "EQUAL"},
        {"Key": "Status", "Values": ["NON_COMPLIANT"], "Type": "EQUAL"}])
    assert [i["Id"] for i in resp["ComplianceItems"]] == ["realtime"], f"Status filter: {resp['ComplianceItems']}"
    resp = ssm.list_compliance_items(ResourceIds=[NODE2], ResourceTypes=["ManagedInstance"], Filters=[
        {"Key": "Id", "Values": ["scan", "signatures"], "Type": "EQUAL"}])
    assert sorted(i["Id"] for i in resp["ComplianceItems"]) == ["scan", "signatures"], \
        f"Id filter: {resp['ComplianceItems']}"
    code, msg = error_code(ssm.list_compliance_items, Filters=[{"Key": "NoSuchKey", "Values": ["x"]}])
    assert code == "InvalidFilter", f"unknown filter key: code = {code}: {msg}"


@check
def list_compliance_summaries():
    """list_compliance_summaries: one summary per type with compliant and non-compliant counts"""
    resp = ssm.list_compliance_summaries(Filters=[{"Key": "ComplianceType", "Values": [AV_TYPE], "Type": "EQUAL"}])
    items = resp["ComplianceSummaryItems"]
    assert [s["ComplianceType"] for s in items] == [AV_TYPE], f"summaries = {items}"
    s = items[0]
    # Both nodes have a NON_COMPLIANT CRITICAL item, so both are non-compliant.
    assert s["NonCompliantSummary"]["NonCompliantCount"] >= 1, f"summary = {s}"
    assert s["NonCompliantSummary"]["SeveritySummary"]["CriticalCount"] >= 1, f"summary = {s}"
    assert "CompliantSummary" in s and "SeveritySummary" in s["CompliantSummary"], f"summary = {s}"
    everything = ssm.list_compliance_summaries()["ComplianceSummaryItems"]
    types = sorted(x["ComplianceType"] for x in everything)
    assert types == ["Association", AV_TYPE], f"all summaries: {types}"


@check
def list_resource_compliance_summaries():
    """list_resource_compliance_summaries: one item per (resource, type) with status and severity"""
    resp = ssm.list_resource_compliance_summaries(
        Filters=[{"Key": "ComplianceType", "Values": [AV_TYPE], "Type": "EQUAL"}])
    items = sorted(resp["ResourceComplianceSummaryItems"], key=lambda x: x["ResourceId"])
    assert [x["ResourceId"] for x in items] == [NODE, NODE2], f"items = {items}"
    for x in items:
        assert x["ResourceType"] == "ManagedInstance" and x["ComplianceType"] == AV_TYPE, f"item = {x}"
        assert x["Status"] == "NON_COMPLIANT", f"{x['ResourceId']}: Status = {x['Status']}"
        assert x["OverallSeverity"] == "CRITICAL", f"{x['ResourceId']}: OverallSeverity = {x['OverallSeverity']}"
    node2 = items[1]
    assert node2["CompliantSummary"]["CompliantCount"] == 2, f"{NODE2} CompliantSummary = {node2['CompliantSummary']}"
    assert node2["NonCompliantSummary"]["NonCompliantCount"] == 1, \
        f"{NODE2} NonCompliantSummary = {node2['NonCompliantSummary']}"
    compliant = ssm.list_resource_compliance_summaries(Filters=[
        {"Key": "ComplianceType", "Values": ["Association"]}, {"Key": "Status", "Values": ["COMPLIANT"]}])
    assert compliant["ResourceComplianceSummaryItems"] == [], \
        f"Association on {NODE} has a NON_COMPLIANT item: {compliant['ResourceComplianceSummaryItems']}"


@check
def cleanup_rule():
    """cleanup: delete_config_rule"""
    config.delete_config_rule(ConfigRuleName=RULE)


if __name__ == "__main__":
    sys.exit(run_all("boto3"))
