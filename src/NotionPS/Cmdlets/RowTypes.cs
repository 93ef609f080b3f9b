using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// The types rows are made of (see <see cref="Row"/>): one per type name and property names, made once and
    /// kept for the process. A name the runtime cannot hold as it is (a lone surrogate, a NUL), a runtime that
    /// cannot make types (Windows PowerShell where the emit facade does not bind) or more than the most types it
    /// makes leave the caller to make PSCustomObjects, which behave the same.
    /// </summary>
    internal sealed class RowTypes
    {
        /// <summary>
        /// The module's. Types stay loaded for the process's life, so a server inventing columns on every read must
        /// not grow it without end: 256 shapes is far more than one session reads. Replaced only by the test process,
        /// whose thousands of tests each read data sources of their own.
        /// </summary>
        public static RowTypes Shared { get; internal set; } = new RowTypes(mostTypes: 256);

        private static readonly ConstructorInfo BaseConstructor = typeof(Row).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, null, new[] { typeof(string[]), typeof(object[]) }, null)!;
        private static readonly MethodInfo GetValue = typeof(Row).GetMethod("GetValue", BindingFlags.NonPublic | BindingFlags.Instance)!;
        private static readonly MethodInfo SetValue = typeof(Row).GetMethod("SetValue", BindingFlags.NonPublic | BindingFlags.Instance)!;
        private static int assemblies;

        private readonly object gate = new object();
        private readonly Dictionary<Shape, Func<object?[], Row>> made = new Dictionary<Shape, Func<object?[], Row>>();
        private readonly int mostTypes;

        private bool cannotMake;

        public RowTypes(int mostTypes)
        {
            this.mostTypes = mostTypes;
        }

        /// <summary>
        /// What makes a row of type <paramref name="typeName"/> with these properties from its values (by the same
        /// index, the array kept by the row), or null where rows must be PSCustomObjects.
        /// </summary>
        public Func<object?[], Row>? For(string typeName, IReadOnlyList<string> names)
        {
            var key = new Shape(typeName, names.ToArray());
            lock (gate)
            {
                if (made.TryGetValue(key, out var newRow))
                {
                    return newRow;
                }

                if (cannotMake || made.Count >= mostTypes)
                {
                    return null;
                }

                // A shape refused is not kept (nor counted): it is tried again by the next read of its data source.
                newRow = TryMake(key);
                if (newRow != null)
                {
                    made[key] = newRow;
                }

                return newRow;
            }
        }

        private Func<object?[], Row>? TryMake(Shape shape)
        {
            try
            {
                return Make(shape.TypeName, shape.Names);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is FileLoadException || ex is PlatformNotSupportedException)
            {
                // The runtime has no Reflection.Emit for this module: PSCustomObjects from now on.
                cannotMake = true;
                return null;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // A name metadata cannot hold, or whatever else the runtime refuses of this one shape: its rows are PSCustomObjects.
                return null;
            }
        }

        // Its own method, so that a runtime without System.Reflection.Emit fails when it is called, inside TryMake's catch.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Func<object?[], Row>? Make(string typeName, string[] names)
        {
            // An assembly each, so that two shapes of one data source (its columns changed) can both have its type name.
            var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("NotionPS.RowTypes" + Interlocked.Increment(ref assemblies).ToString(CultureInfo.InvariantCulture)), AssemblyBuilderAccess.Run);
            var type = assembly.DefineDynamicModule("NotionPS.RowTypes").DefineType(typeName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(Row));

            var constructor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, new[] { typeof(string[]), typeof(object[]) });
            var il = constructor.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldarg_2);
            il.Emit(OpCodes.Call, BaseConstructor);
            il.Emit(OpCodes.Ret);

            const MethodAttributes Accessor = MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig;
            for (var index = 0; index < names.Length; index++)
            {
                var property = type.DefineProperty(names[index], PropertyAttributes.None, typeof(object), Type.EmptyTypes);

                var getter = type.DefineMethod("get_" + names[index], Accessor, typeof(object), Type.EmptyTypes);
                il = getter.GetILGenerator();
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, index);
                il.Emit(OpCodes.Call, GetValue);
                il.Emit(OpCodes.Ret);
                property.SetGetMethod(getter);

                var setter = type.DefineMethod("set_" + names[index], Accessor, typeof(void), new[] { typeof(object) });
                il = setter.GetILGenerator();
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, index);
                il.Emit(OpCodes.Ldarg_1);
                il.Emit(OpCodes.Call, SetValue);
                il.Emit(OpCodes.Ret);
                property.SetSetMethod(setter);
            }

            var rowType = type.CreateTypeInfo()!.AsType();

            // Metadata keeps names as UTF-8: one that does not come back as given (a lone surrogate) is not the column's.
            if (rowType.FullName != typeName || !rowType.GetProperties().Select(property => property.Name).SequenceEqual(names, StringComparer.Ordinal))
            {
                return null;
            }

            var values = Expression.Parameter(typeof(object[]), "values");
            var construct = Expression.New(rowType.GetConstructor(new[] { typeof(string[]), typeof(object[]) })!, Expression.Constant(names), values);
            return Expression.Lambda<Func<object?[], Row>>(Expression.Convert(construct, typeof(Row)), values).Compile();
        }

        /// <summary>A type name and its property names, compared name by name.</summary>
        private sealed class Shape : IEquatable<Shape>
        {
            public Shape(string typeName, string[] names)
            {
                TypeName = typeName;
                Names = names;
            }

            public string TypeName { get; }

            public string[] Names { get; }

            public bool Equals(Shape? other) =>
                other != null && string.Equals(TypeName, other.TypeName, StringComparison.Ordinal) && Names.SequenceEqual(other.Names, StringComparer.Ordinal);

            public override bool Equals(object? obj) => Equals(obj as Shape);

            public override int GetHashCode() =>
                Names.Aggregate(StringComparer.Ordinal.GetHashCode(TypeName), (hash, name) => unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(name)));
        }
    }
}
