using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.Operations;

namespace Strata.Tests.Configuration;

/// <summary>
/// The engine's part of parsing (ADR 028) on a made-up dialect, without PostgreSQL's or SQLite's syntax: a value goes
/// to the dialect whose prefix or bare form claims it; other schemes are refused with the set's forms in the hint.
/// </summary>
public sealed class DialectDispatchTests
{
    private static readonly DialectSet Fake = new(new FakeFactory());

    [Fact]
    public void A_value_with_a_claimed_prefix_goes_to_that_dialect()
    {
        var target = DatabaseUrl.Parse("  FAKE:one  ", "/base", Fake);

        target.DisplayName.ShouldBe("fake parsed FAKE:one in /base");
    }

    [Fact]
    public void A_bare_value_goes_to_the_dialect_that_claims_it()
    {
        DatabaseUrl.Parse("thing.fake", "/base", Fake).DisplayName.ShouldBe("fake parsed thing.fake in /base");
    }

    [Fact]
    public void An_unclaimed_scheme_is_refused_with_the_forms_of_the_set()
    {
        var error = Should.Throw<ConfigurationException>(() => DatabaseUrl.Parse("mysql://app:pw@h/db", "/", Fake));

        error.Message.ShouldBe("the database URL scheme 'mysql' is not supported");
        error.Hint.ShouldBe("use fake:name, or a .fake file; names are lower case");
        error.Category.ShouldBe(ErrorCategory.BadInput);
    }

    [Fact]
    public void A_value_no_dialect_claims_names_the_bare_forms_of_the_set()
    {
        var error = Should.Throw<ConfigurationException>(() => DatabaseUrl.Parse("just words", "/", Fake));

        error.Message.ShouldBe("the database value is not a URL or a fake file");
        Should.Throw<ConfigurationException>(() => DatabaseUrl.Parse("  ", "/", Fake)).Message.ShouldBe("the database value is empty");
    }

    [Fact]
    public void A_scheme_of_a_dialect_missing_from_the_set_names_the_package_to_add_without_the_password()
    {
        var error = Should.Throw<ConfigurationException>(() => DatabaseUrl.Parse("postgresql://app:s3cret@h/db", "/", Fake));

        error.Message.ShouldBe("a postgresql:// URL is a postgresql database, but this program has no postgresql dialect");
        error.Hint.ShouldBe("reference the Strata.PostgreSql package and add PostgreSqlDialect.Factory to the DialectSet");
        error.ToString().ShouldNotContain("s3cret");
    }

    [Fact]
    public void The_resolver_asks_the_dialect_for_environment_variables_and_the_same_database_rule()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string> { ["FAKE_NAME"] = "from-variable", ["DATABASE_URL"] = "fake:from-variable" };

        var settings = ConfigurationResolver.Resolve(ConfigurationOverrides.None, environment, folder.Path, Fake);

        settings.Database!.DisplayName.ShouldBe("fake parsed fake:from-variable in " + folder.Path);
        settings.Origins.Single(o => o.Setting == "database").Source.ShouldBe("DATABASE_URL (environment), agreeing with FAKE_NAME (environment)");
        settings.Warnings.ShouldBeEmpty();
    }

    private sealed class FakeFactory : IDialectFactory
    {
        public Dialect Dialect => Dialect.Sqlite;

        public IConnectionSyntax Connections { get; } = new FakeSyntax();

        public IDialect Create(DatabaseTarget target, DialectSettings settings) => throw new NotSupportedException();

        public IDatabaseBackup CreateBackup(DatabaseTarget target, BackupSettings backup, DialectSettings settings) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> ReadColumnAsync(DatabaseTarget target, string sql, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int?> ReadConnectionHeadroomAsync(DatabaseTarget target, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IFleetHistoryReader? CreateSchemaHistories(DatabaseTarget target) => throw new NotSupportedException();
    }

    private sealed class FakeSyntax : IConnectionSyntax
    {
        public ConnectionForms Forms { get; } = new(["fake:"], ["fake:name", "a .fake file"], "a fake file", "names are lower case");

        public IReadOnlyList<EnvironmentSource> EnvironmentSources { get; } =
            [new("FAKE_NAME", ["FAKE_NAME"], [], (v, _, cwd) => Target("fake:" + v.Get("FAKE_NAME"), cwd))];

        public bool Claims(string value) => value.EndsWith(".fake", StringComparison.Ordinal);

        public DatabaseTarget Parse(string value, string baseDirectory) => Target(value, baseDirectory);

        public DatabaseTarget ApplyCredentials(DatabaseTarget target, CredentialSources sources, out string? origin)
        {
            origin = null;
            return target;
        }

        public bool SameDatabase(DatabaseTarget a, DatabaseTarget b) =>
            string.Equals(a.ConnectionString, b.ConnectionString, StringComparison.OrdinalIgnoreCase);

        public UnencryptedConnection? Unencrypted(DatabaseTarget target) => null;

        private static DatabaseTarget Target(string value, string baseDirectory) =>
            new(Dialect.Sqlite, value, $"fake parsed {value} in {baseDirectory}", null);
    }
}
