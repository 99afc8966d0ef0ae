//! curl import of `--digest` and `--aws-sigv4`: `-u`'s credentials become Digest or AWS Signature settings,
//! the region and service come from the option or the host, a session token header becomes the setting, and
//! what cannot be read is said in a warning.

use reqlab_core::edit::signed_auth::AwsSigV4;
use reqlab_core::import::curl;
use reqlab_core::{Auth, Imported};

fn import(command: &str) -> Imported {
    curl::import(command, Some(curl::Dialect::Bash)).unwrap_or_else(|e| panic!("{command}: {e}"))
}

fn aws(imported: &Imported) -> AwsSigV4 {
    match &imported.request.auth {
        Auth::AwsSigV4 { params } => AwsSigV4::read(params),
        other => panic!("expected AWS Signature auth, got {other:?}"),
    }
}

#[test]
fn digest_uses_the_user_and_password() {
    let imported =
        import("curl --digest -u 'Mufasa:Circle of Life' http://www.example.org/dir/index.html");
    assert_eq!(
        imported.request.auth,
        Auth::Digest {
            username: "Mufasa".into(),
            password: "Circle of Life".into()
        }
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    // The option may come after -u, and the last scheme named wins, as in curl.
    let imported = import("curl -u a:b http://h/ --digest");
    assert!(matches!(imported.request.auth, Auth::Digest { .. }));
    let imported = import("curl --digest -u a:b --basic http://h/");
    assert!(matches!(imported.request.auth, Auth::Basic { .. }));
    let imported = import("curl --digest --no-digest -u a:b http://h/");
    assert!(matches!(imported.request.auth, Auth::Basic { .. }));
}

#[test]
fn digest_without_credentials_is_no_auth_and_says_so() {
    let imported = import("curl --digest http://h/");
    assert_eq!(imported.request.auth, Auth::None);
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("--digest has no user name")),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn aws_sigv4_reads_keys_region_and_service() {
    let imported = import(
        "curl --aws-sigv4 'aws:amz:us-east-1:service' -u 'AKIDEXAMPLE:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' \
         https://example.amazonaws.com/",
    );
    assert_eq!(
        aws(&imported),
        AwsSigV4 {
            access_key: "AKIDEXAMPLE".into(),
            secret_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
            region: "us-east-1".into(),
            service: "service".into(),
            ..AwsSigV4::default()
        }
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn aws_sigv4_takes_region_and_service_from_the_host_when_left_out() {
    let imported =
        import("curl --aws-sigv4 aws:amz -u AK:SK https://ec2.eu-west-3.amazonaws.com/?Action=X");
    let settings = aws(&imported);
    assert_eq!(
        (settings.service.as_str(), settings.region.as_str()),
        ("ec2", "eu-west-3")
    );
    // Only the service given: the region still comes from the host.
    let imported =
        import("curl --aws-sigv4 aws:amz::execute-api -u AK:SK https://x.us-east-2.amazonaws.com/");
    let settings = aws(&imported);
    assert_eq!(
        (settings.service.as_str(), settings.region.as_str()),
        ("execute-api", "us-east-2")
    );
    // A host that does not name them: empty, and a warning.
    let imported = import("curl --aws-sigv4 aws -u AK:SK https://api.example.com/");
    let settings = aws(&imported);
    assert_eq!(
        (settings.service.as_str(), settings.region.as_str()),
        ("", "")
    );
    assert!(
        imported.warnings.iter().any(|w| w.contains("fill them in")),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn aws_sigv4_moves_a_session_token_header_into_the_settings() {
    let imported = import(
        "curl --aws-sigv4 aws:amz:us-east-1:s3 -u AK:SK -H 'x-amz-security-token: FQoGZX' -H 'X-Trace: 1' \
         https://bucket.s3.amazonaws.com/key",
    );
    assert_eq!(aws(&imported).session_token, "FQoGZX");
    let names: Vec<&str> = imported
        .request
        .headers
        .iter()
        .map(|h| h.key.as_str())
        .collect();
    assert_eq!(names, ["X-Trace"], "signing adds the token header again");
}

#[test]
fn aws_sigv4_warns_about_missing_keys_and_other_providers() {
    let imported =
        import("curl --aws-sigv4 osc:osc:eu-west-2:api https://api.eu-west-2.outscale.com/");
    let settings = aws(&imported);
    assert_eq!(
        (settings.access_key.as_str(), settings.secret_key.as_str()),
        ("", "")
    );
    let warnings = imported.warnings.join("\n");
    assert!(warnings.contains("has no keys to sign with"), "{warnings}");
    assert!(
        warnings.contains("names the provider \"osc\""),
        "{warnings}"
    );
}

#[test]
fn other_auth_schemes_are_still_named_in_a_warning() {
    let imported = import("curl --ntlm -u a:b http://h/");
    assert!(matches!(imported.request.auth, Auth::Basic { .. }));
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w == "Ignored --ntlm: only Basic, Bearer, Digest and AWS Signature auth can be imported."),
        "{:?}",
        imported.warnings
    );
}
