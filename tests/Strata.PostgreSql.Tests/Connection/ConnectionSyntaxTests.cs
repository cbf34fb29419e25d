using Strata.Configuration;

namespace Strata.PostgreSql.Tests.Connection;

/// <summary>PostgreSQL's <see cref="IConnectionSyntax"/> members beside parsing: what it claims, the same-database rule, the TLS check.</summary>
public sealed class ConnectionSyntaxTests
{
    private static readonly IConnectionSyntax Syntax = PostgreSqlDialect.Factory.Connections;

    [Fact]
    public void Claims_postgres_urls_and_keyword_strings_but_not_sqlite_paths()
    {
        Syntax.Forms.Prefixes.ShouldBe(["postgres://", "postgresql://"]);
        Syntax.Claims("Host=db;Database=shop").ShouldBeTrue();
        Syntax.Claims("host=db dbname=shop").ShouldBeTrue();
        Syntax.Claims("app.db").ShouldBeFalse();
        Syntax.EnvironmentSources.Select(s => s.Name).ShouldBe(["POSTGRES_* variables", "PG* variables"]);
    }

    [Fact]
    public void The_same_server_database_and_user_is_the_same_database_whatever_the_parameters()
    {
        var plain = Syntax.Parse("postgres://app@db.example.com/shop", "/");

        Syntax.SameDatabase(plain, Syntax.Parse("Host=db.example.com;Username=app;Database=shop;SSL Mode=Require", "/")).ShouldBeTrue();
        Syntax.SameDatabase(plain, Syntax.Parse("postgres://other@db.example.com/shop", "/")).ShouldBeFalse();
        Syntax.SameDatabase(plain, Syntax.Parse("postgres://app@db.example.com:6432/shop", "/")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("postgres://app@db.example.com/shop", "db.example.com", "not set")]
    [InlineData("postgres://app@db.example.com/shop?sslmode=prefer", "db.example.com", "prefer")]
    [InlineData("postgres://app@localhost,db.example.com/shop?sslmode=disable", "db.example.com", "disable")]
    public void A_remote_host_without_required_tls_is_unencrypted(string url, string host, string mode) =>
        Syntax.Unencrypted(Syntax.Parse(url, "/")).ShouldBe(new UnencryptedConnection(host, mode));

    [Theory]
    [InlineData("postgres://app@db.example.com/shop?sslmode=require")]
    [InlineData("postgres://app@127.0.0.1/shop")]
    [InlineData("postgres://app@[::1]/shop")]
    [InlineData("postgres://app@%2Fvar%2Frun%2Fpostgresql/shop")]
    public void Loopback_sockets_and_required_tls_are_not_unencrypted(string url) =>
        Syntax.Unencrypted(Syntax.Parse(url, "/")).ShouldBeNull();
}
