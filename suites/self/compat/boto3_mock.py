"""boto3 against the served reference mock: every operation it implements, the paginator, the error
classes. Run by suites/self/compat.spec.ts as `python3 boto3_mock.py URL`; prints one line per operation
with what the client saw and exits 1 at the first surprise. Needs only boto3 (on the machine image)."""
import sys
import time
import urllib.request

import boto3
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

URL = sys.argv[1]
A, B = ("testing", "testing"), ("second", "second-secret")
DEV = "login.compat"
COGNITO = "cognito-identity.amazonaws.com"
FB = "graph.facebook.com"


def client(region="us-east-1", keys=A, **cfg):
    return boto3.client("cognito-identity", endpoint_url=URL, region_name=region, aws_access_key_id=keys[0],
                        aws_secret_access_key=keys[1], config=Config(retries={"max_attempts": 1}, **cfg))


ci = client()
loose = client(parameter_validation=False)
anon = client(signature_version=UNSIGNED)
seen = []


def ok(op, what):
    seen.append(op)
    print(f"{op}: {what}")


def error_of(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"].get("Message", ""), e
    raise AssertionError(f"{call.__name__} succeeded, expected an error")


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


urllib.request.urlopen(urllib.request.Request(URL + "/reset", method="POST")).read()

# ---- pools: the full IdentityPool shape, Update's rule, pagination, regions and accounts
full = dict(AllowClassicFlow=True, DeveloperProviderName=DEV, SupportedLoginProviders={FB: "1234567890"},
            OpenIdConnectProviderARNs=["arn:aws:iam::000000000000:oidc-provider/example.com"],
            CognitoIdentityProviders=[{"ProviderName": "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", "ClientId": "client1", "ServerSideTokenCheck": True}],
            SamlProviderARNs=["arn:aws:iam::000000000000:saml-provider/corp"], IdentityPoolTags={"team": "a"})
created = ci.create_identity_pool(IdentityPoolName="compat one", AllowUnauthenticatedIdentities=True, **full)
pool = created["IdentityPoolId"]
KEYS = ["IdentityPoolId", "IdentityPoolName", "AllowUnauthenticatedIdentities", "AllowClassicFlow", "SupportedLoginProviders", "DeveloperProviderName",
        "OpenIdConnectProviderARNs", "CognitoIdentityProviders", "SamlProviderARNs", "IdentityPoolTags"]
check(all(k in created for k in KEYS), f"CreateIdentityPool answer lacks {[k for k in KEYS if k not in created]}")
ok("CreateIdentityPool", "the full IdentityPool (" + ", ".join(KEYS[3:]) + ")")
plain = ci.create_identity_pool(IdentityPoolName="compat two", AllowUnauthenticatedIdentities=False)
check(plain["OpenIdConnectProviderARNs"] == [] and plain["IdentityPoolTags"] == {} and plain["AllowClassicFlow"] is False, f"a plain pool: {plain}")
ci.create_identity_pool(IdentityPoolName="compat three", AllowUnauthenticatedIdentities=False)
described = ci.describe_identity_pool(IdentityPoolId=pool)
check({k: described[k] for k in KEYS} == {k: created[k] for k in KEYS}, f"DescribeIdentityPool differs from Create: {described}")
ok("DescribeIdentityPool", "the same full shape as Create")
upd = ci.update_identity_pool(IdentityPoolId=pool, IdentityPoolName="compat renamed", AllowUnauthenticatedIdentities=True, SupportedLoginProviders={FB: "1234567890"})
check(upd["IdentityPoolName"] == "compat renamed" and upd["DeveloperProviderName"] == DEV and upd["OpenIdConnectProviderARNs"] == [], f"update: {upd}")
code, msg, e = error_of(ci.update_identity_pool, IdentityPoolId=pool, IdentityPoolName="x", AllowUnauthenticatedIdentities=True, DeveloperProviderName="other.dev")
check(code == "InvalidParameterException" and isinstance(e, ci.exceptions.InvalidParameterException), f"changing DeveloperProviderName: {code} {msg}")
ok("UpdateIdentityPool", f"renames, keeps an omitted DeveloperProviderName; changing it: {code}")
pages = list(ci.get_paginator("list_identity_pools").paginate(MaxResults=1))
names = [p["IdentityPoolName"] for pg in pages for p in pg["IdentityPools"]]
check(len(pages) == 3 and len(names) == 3, f"paginator saw {names} in {len(pages)} pages")
ok("ListIdentityPools", "paginator (MaxResults 1): 3 pools in 3 pages via NextToken")
check(client("eu-west-1").list_identity_pools(MaxResults=60)["IdentityPools"] == [], "eu-west-1 sees us-east-1's pools")
eu = client("eu-west-1").create_identity_pool(IdentityPoolName="compat eu", AllowUnauthenticatedIdentities=False)["IdentityPoolId"]
check(eu.startswith("eu-west-1:"), f"a pool made in eu-west-1: {eu}")
other = client(keys=B)
check(other.list_identity_pools(MaxResults=60)["IdentityPools"] == [], "the second account sees the first's pools")
code, _, e = error_of(other.describe_identity_pool, IdentityPoolId=pool)
check(isinstance(e, other.exceptions.ResourceNotFoundException), f"another account's pool: {code}")
ok("regions and accounts", "eu-west-1 and a second access key each have their own pools")

# ---- the developer-authenticated flow
r1 = ci.get_open_id_token_for_developer_identity(IdentityPoolId=pool, Logins={DEV: "alice"}, TokenDuration=600)
alice = r1["IdentityId"]
for u in ["alice-phone", "alice-laptop"]:
    check(ci.get_open_id_token_for_developer_identity(IdentityPoolId=pool, IdentityId=alice, Logins={DEV: u})["IdentityId"] == alice, "link")
ok("GetOpenIdTokenForDeveloperIdentity", "IdentityId and Token; links two more users to it")
bob = ci.get_open_id_token_for_developer_identity(IdentityPoolId=pool, Logins={DEV: "bob"})["IdentityId"]
code, _, e = error_of(ci.get_open_id_token_for_developer_identity, IdentityPoolId=pool, IdentityId=bob, Logins={DEV: "alice"})
check(isinstance(e, ci.exceptions.DeveloperUserAlreadyRegisteredException), code)
users, token, n = [], None, 0
while True:
    kw = {"NextToken": token} if token else {}
    pg = ci.lookup_developer_identity(IdentityPoolId=pool, DeveloperUserIdentifier="alice", MaxResults=1, **kw)
    users += pg["DeveloperUserIdentifierList"]
    n += 1
    token = pg.get("NextToken")
    if not token:
        break
check(sorted(users) == ["alice", "alice-laptop", "alice-phone"] and n == 3, f"lookup pages: {users} in {n}")
ok("LookupDeveloperIdentity", "3 developer users in 3 pages (MaxResults 1, NextToken)")
ids, token = [], None
while True:
    kw = {"NextToken": token} if token else {}
    pg = ci.list_identities(IdentityPoolId=pool, MaxResults=1, **kw)
    ids += [i["IdentityId"] for i in pg["Identities"]]
    token = pg.get("NextToken")
    if not token:
        break
check(sorted(ids) == sorted([alice, bob]), f"list_identities: {ids}")
ok("ListIdentities", "2 identities in pages of 1 via NextToken")
d = ci.describe_identity(IdentityId=alice)
check(d["Logins"] == [DEV] and "CreationDate" in d, f"describe_identity: {d}")
ok("DescribeIdentity", f"Logins {d['Logins']}, CreationDate, LastModifiedDate")
merged = ci.merge_developer_identities(SourceUserIdentifier="bob", DestinationUserIdentifier="alice", DeveloperProviderName=DEV, IdentityPoolId=pool)
check(merged["IdentityId"] == alice and ci.lookup_developer_identity(IdentityPoolId=pool, DeveloperUserIdentifier="bob")["IdentityId"] == alice, "merge")
many = ci.get_open_id_token_for_developer_identity(IdentityPoolId=pool, Logins={DEV: "m0"})["IdentityId"]
for k in range(1, 18):
    ci.get_open_id_token_for_developer_identity(IdentityPoolId=pool, IdentityId=many, Logins={DEV: f"m{k}"})
code, msg, _ = error_of(ci.merge_developer_identities, SourceUserIdentifier="alice", DestinationUserIdentifier="m0", DeveloperProviderName=DEV, IdentityPoolId=pool)
check(code == "InvalidParameterException", f"merging 4 logins into 18: {code}")
ok("MergeDeveloperIdentities", f"bob's identity into alice's; 4 + 18 logins: {code}")
ci.unlink_developer_identity(IdentityId=alice, IdentityPoolId=pool, DeveloperProviderName=DEV, DeveloperUserIdentifier="bob")
code, _, e = error_of(ci.lookup_developer_identity, IdentityPoolId=pool, DeveloperUserIdentifier="bob")
check(isinstance(e, ci.exceptions.ResourceNotFoundException), code)
ok("UnlinkDeveloperIdentity", "bob no longer resolves (ResourceNotFoundException)")

# ---- the app's side, unsigned: the backend's token becomes credentials
logins = {COGNITO: r1["Token"]}
check(anon.get_id(IdentityPoolId=pool, Logins=logins)["IdentityId"] == alice, "GetId with the developer token")
ok("GetId", "unsigned; the backend's token gives its IdentityId")
t = anon.get_open_id_token(IdentityId=alice, Logins=logins)
check(t["IdentityId"] == alice and t["Token"].count(".") == 2, "GetOpenIdToken")
ok("GetOpenIdToken", "unsigned; a JWT for the identity")
creds = anon.get_credentials_for_identity(IdentityId=alice, Logins=logins)["Credentials"]
check(set(creds) == {"AccessKeyId", "SecretKey", "SessionToken", "Expiration"}, f"credentials: {set(creds)}")
forged = r1["Token"][:-4] + ("AAAA" if not r1["Token"].endswith("AAAA") else "BBBB")
code, _, e = error_of(anon.get_credentials_for_identity, IdentityId=alice, Logins={COGNITO: forged})
check(isinstance(e, anon.exceptions.NotAuthorizedException), f"a forged token: {code}")
short = ci.get_open_id_token_for_developer_identity(IdentityPoolId=pool, Logins={DEV: "alice"}, TokenDuration=1)["Token"]
time.sleep(2.2)
code, msg, e = error_of(anon.get_credentials_for_identity, IdentityId=alice, Logins={COGNITO: short})
check(isinstance(e, anon.exceptions.NotAuthorizedException) and "expired" in msg, f"an expired token: {code} {msg}")
ok("GetCredentialsForIdentity", "unsigned; credentials for a verified token; forged or expired: NotAuthorizedException")
fb = anon.get_id(IdentityPoolId=pool, Logins={FB: "fb-user"})["IdentityId"]
check(ci.describe_identity(IdentityId=fb)["Logins"] == [FB], "a public login is linked")
anon.unlink_identity(IdentityId=fb, Logins={FB: "fb-user"}, LoginsToRemove=[FB])
check(ci.describe_identity(IdentityId=fb)["Logins"] == [], "unlink_identity")
ok("UnlinkIdentity", "unsigned; the public login is gone")
guest = anon.get_id(IdentityPoolId=pool)["IdentityId"]
check("Credentials" in anon.get_credentials_for_identity(IdentityId=guest), "unauthenticated credentials")
code, _, e = error_of(anon.get_id, IdentityPoolId=plain["IdentityPoolId"])
check(isinstance(e, anon.exceptions.NotAuthorizedException), f"guest in a pool without unauthenticated access: {code}")

gone = ci.delete_identities(IdentityIdsToDelete=[guest])
code, _, e = error_of(ci.describe_identity, IdentityId=guest)
check(gone["UnprocessedIdentityIds"] == [] and isinstance(e, ci.exceptions.ResourceNotFoundException), f"delete_identities: {gone} then {code}")
ok("DeleteIdentities", "UnprocessedIdentityIds []; the identity is gone (ResourceNotFoundException)")

# ---- tags
arn = f"arn:aws:cognito-identity:us-east-1:123456789012:identitypool/{pool}"
ci.tag_resource(ResourceArn=arn, Tags={"env": "dev"})
check(ci.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"team": "a", "env": "dev"}, "tags")
ok("TagResource", "adds env=dev beside the pool's team=a")
ok("ListTagsForResource", "{team: a, env: dev}")
ci.untag_resource(ResourceArn=arn, TagKeys=["team"])
check(ci.describe_identity_pool(IdentityPoolId=pool)["IdentityPoolTags"] == {"env": "dev"}, "untag")
ok("UntagResource", "team removed; DescribeIdentityPool's IdentityPoolTags agree")

# ---- errors as AWS words them
code, msg, _ = error_of(loose.create_identity_pool, IdentityPoolName="x!", AllowUnauthenticatedIdentities=False)
want = "1 validation error detected: Value 'x!' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+"
check((code, msg) == ("ValidationException", want), f"{code}: {msg}")
code, msg, _ = error_of(loose.list_identity_pools, MaxResults=0)
check(msg == "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1", msg)
code, msg, _ = error_of(loose.create_identity_pool, IdentityPoolName="p", AllowUnauthenticatedIdentities=False, OpenIdConnectProviderARNs=["short"])
check(msg == "1 validation error detected: Value '[short]' at 'openIdConnectProviderARNs' failed to satisfy constraint: Member must satisfy constraint: [Member must have length greater than or equal to 20]", msg)
ok("ValidationException", "AWS's wording (pattern, value, list member), as boto3's ClientError")
code, _, _ = error_of(anon.list_identity_pools, MaxResults=1)
check(code == "MissingAuthenticationTokenException", code)
code, _, _ = error_of(client(keys=("testing", "wrong")).list_identity_pools, MaxResults=1)
check(code == "InvalidSignatureException", code)
code, _, _ = error_of(client(keys=("nobody", "x")).list_identity_pools, MaxResults=1)
check(code == "UnrecognizedClientException", code)
ok("signing errors", "MissingAuthenticationToken, InvalidSignature, UnrecognizedClient")
check("date" in ci.list_identity_pools(MaxResults=1)["ResponseMetadata"]["HTTPHeaders"], "a Date header")

for p in [pool, plain["IdentityPoolId"]]:
    ci.delete_identity_pool(IdentityPoolId=p)
code, _, e = error_of(ci.describe_identity_pool, IdentityPoolId=pool)
check(isinstance(e, ci.exceptions.ResourceNotFoundException), code)
ok("DeleteIdentityPool", "then DescribeIdentityPool: ResourceNotFoundException")
print(f"boto3 {boto3.__version__}: {len(set(seen))} checks passed")
