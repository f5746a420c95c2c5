using System.Globalization;

namespace MailSetup.Testing.Dovecot;

/// <summary>The private configuration from shared/DOVECOT.md: 127.0.0.1 only, XOAUTH2/OAUTHBEARER against locally signed JWTs.</summary>
public static class DovecotConfig
{
    public static string Main(string folder, DovecotPorts ports) => string.Create(CultureInfo.InvariantCulture, $$"""
        base_dir = {{folder}}/run
        state_dir = {{folder}}/state
        instance_name = mailsetup-test-{{ports.Base}}
        listen = 127.0.0.1
        protocols = imap pop3 submission
        log_path = {{folder}}/log/dovecot.log
        auth_verbose = yes
        auth_failure_delay = 0
        disable_plaintext_auth = no
        auth_mechanisms = xoauth2 oauthbearer
        # Authenticates nobody; it only switches off the failed-login delay that would make the suite crawl.
        passdb {
          driver = static
          args = nopassword=y noauthenticate nodelay=yes
        }
        passdb {
          driver = oauth2
          mechanisms = xoauth2 oauthbearer
          args = {{folder}}/oauth2.conf.ext
        }
        userdb {
          driver = static
          args = uid=dovecot gid=dovecot home={{folder}}/mail/%u
        }
        mail_location = maildir:~/Maildir
        first_valid_uid = 1
        ssl = yes
        ssl_cert = <{{folder}}/ssl/cert.pem
        ssl_key = <{{folder}}/ssl/key.pem
        hostname = localhost
        submission_relay_host = 127.0.0.1
        submission_relay_port = {{ports.Relay}}
        service imap-login {
          inet_listener imap {
            port = {{ports.Imap}}
          }
          inet_listener imaps {
            port = {{ports.Imaps}}
            ssl = yes
          }
        }
        service pop3-login {
          inet_listener pop3 {
            port = {{ports.Pop3}}
          }
          inet_listener pop3s {
            port = {{ports.Pop3s}}
            ssl = yes
          }
        }
        service submission-login {
          inet_listener submission {
            port = {{ports.Submission}}
          }
          inet_listener submissions {
            port = {{ports.Submissions}}
            ssl = yes
          }
        }

        """);

    public static string OAuth2(string folder) => $"""
        introspection_mode = local
        local_validation_key_dict = fs:posix:prefix={folder}/keys/
        username_attribute = email
        issuers = {TestTokenIssuer.Issuer}

        """;
}
