namespace Strata.Packaging.Tests.Api;

/// <summary>Public shapes for <see cref="ApiSurfaceFormatTests"/>: what each kind of member looks like in a baseline.</summary>
public static class ApiSamples
{
    public static int Twice(this int value) => value * 2;

    public enum Shade : byte
    {
        Dark = 2,
        Light = 1,
    }

    public delegate Task<string?> Loader(Uri? source, int attempts = 1);

    public interface IShelf<T> : IEnumerable<T>
        where T : class
    {
        T? Top { get; }
    }

    public class Widget
    {
        public const int Limit = 10;

        public Widget(string name, string? label = null, int count = 3, Shade shade = Shade.Dark, CancellationToken token = default)
        {
            Name = name;
            Label = label;
            Count = count;
            Tone = shade;
            Token = token;
        }

        protected Widget() => Name = "";

        public event EventHandler? Changed
        {
            add => Count++;
            remove => Count--;
        }

        public string? Label { get; init; }

        public string Name { get; set; }

        public int Count { get; protected set; }

        public Shade Tone { get; }

        internal CancellationToken Token { get; }

        public virtual T? Find<T>(params IEnumerable<string> keys)
            where T : class, new() => keys.Any() ? new T() : null;

        public bool TryGet(in int key, ref string text, out string? found)
        {
            found = key > Count ? text : null;
            return found is not null;
        }

        internal void Hidden() => Count++;

        private protected void AlsoHidden() => Count--;
    }

    public sealed class Gadget : Widget
    {
        public Gadget() => AlsoHidden();

        public required string Serial { get; init; }

        public override T? Find<T>(params IEnumerable<string> keys)
            where T : class => null;
    }
}
