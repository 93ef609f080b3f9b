using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Architecture;

/// <summary>
/// The Notion work stays testable without PowerShell: nothing below the cmdlets (Operations, Client,
/// Content, Rows, Ids, Errors) references System.Management.Automation, in a signature or in a method body.
/// </summary>
public class LayeringTests
{
    private static readonly string[] BelowTheCmdlets =
        { "NotionPS.Operations", "NotionPS.Client", "NotionPS.Content", "NotionPS.Rows", "NotionPS.Ids", "NotionPS.Errors" };

    [Fact]
    public void NoPowerShellBelowTheCmdlets()
    {
        Assert.Empty(PowerShellUsers(BelowTheCmdlets));
    }

    [Fact]
    public void TheCheckFindsTheCmdletsUsingPowerShell()
    {
        var users = PowerShellUsers(new[] { "NotionPS.Cmdlets" });

        Assert.Contains("NotionPS.Cmdlets.NotionAsyncCmdlet (base type or interface)", users);
        Assert.Contains("NotionPS.Cmdlets.NotionErrorRecords.ToErrorCategory (signature)", users);
        // Only its body names PowerShell (it calls WriteError): found by the IL walk alone.
        Assert.Contains("NotionPS.Cmdlets.GetNotionDatabaseIdCommand.ParseIdOrWriteError (body)", users);
    }

    private static List<string> PowerShellUsers(string[] namespaces)
    {
        using var stream = File.OpenRead(typeof(NotionClient).Assembly.Location);
        using var pe = new PEReader(stream);
        return new PowerShellReferences(pe).UsersIn(namespaces);
    }

    /// <summary>Finds the types and members of NotionPS.dll that reference a type of System.Management.Automation.</summary>
    private sealed class PowerShellReferences : ISignatureTypeProvider<bool, object?>
    {
        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)!)
            .ToDictionary(code => code.Value);

        private readonly PEReader pe;
        private readonly MetadataReader reader;
        private readonly AssemblyReferenceHandle? powerShell;

        public PowerShellReferences(PEReader pe)
        {
            this.pe = pe;
            reader = pe.GetMetadataReader();
            powerShell = reader.AssemblyReferences
                .Where(handle => reader.GetString(reader.GetAssemblyReference(handle).Name) == "System.Management.Automation")
                .Select(handle => (AssemblyReferenceHandle?)handle)
                .FirstOrDefault();
        }

        public List<string> UsersIn(string[] namespaces)
        {
            var users = new List<string>();
            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                if (!namespaces.Any(ns => IsIn(OutermostNamespace(type), ns)))
                {
                    continue;
                }

                var name = FullName(type);
                if (Uses(type.BaseType) || type.GetInterfaceImplementations().Any(i => Uses(reader.GetInterfaceImplementation(i).Interface)))
                {
                    users.Add($"{name} (base type or interface)");
                }

                if (AttributesUse(type.GetCustomAttributes()))
                {
                    users.Add($"{name} (attribute)");
                }

                foreach (var fieldHandle in type.GetFields())
                {
                    var field = reader.GetFieldDefinition(fieldHandle);
                    if (field.DecodeSignature(this, null) || AttributesUse(field.GetCustomAttributes()))
                    {
                        users.Add($"{name}.{reader.GetString(field.Name)} (field)");
                    }
                }

                foreach (var methodHandle in type.GetMethods())
                {
                    var method = reader.GetMethodDefinition(methodHandle);
                    var member = $"{name}.{reader.GetString(method.Name)}";
                    var signature = method.DecodeSignature(this, null);
                    if (signature.ReturnType || signature.ParameterTypes.Any(p => p) || AttributesUse(method.GetCustomAttributes()))
                    {
                        users.Add($"{member} (signature)");
                    }

                    if (method.RelativeVirtualAddress != 0 && BodyUses(pe.GetMethodBody(method.RelativeVirtualAddress)))
                    {
                        users.Add($"{member} (body)");
                    }
                }
            }

            return users.Distinct().ToList();
        }

        private static bool IsIn(string typeNamespace, string ns) =>
            typeNamespace == ns || typeNamespace.StartsWith(ns + ".", StringComparison.Ordinal);

        // Compiler-made types (async state machines, closures) are nested and have no namespace of their own.
        private string OutermostNamespace(TypeDefinition type)
        {
            while (type.IsNested)
            {
                type = reader.GetTypeDefinition(type.GetDeclaringType());
            }

            return reader.GetString(type.Namespace);
        }

        private string FullName(TypeDefinition type) =>
            type.IsNested
                ? FullName(reader.GetTypeDefinition(type.GetDeclaringType())) + "+" + reader.GetString(type.Name)
                : reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);

        private bool AttributesUse(CustomAttributeHandleCollection attributes) =>
            attributes.Any(a => Uses(reader.GetCustomAttribute(a).Constructor));

        private bool BodyUses(MethodBodyBlock body)
        {
            if (!body.LocalSignature.IsNil && reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null).Any(l => l))
            {
                return true;
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                var first = il.ReadByte();
                var code = OpCodesByValue[first == 0xFE ? unchecked((short)(0xFE00 | il.ReadByte())) : first];
                switch (code.OperandType)
                {
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineType:
                    case OperandType.InlineTok:
                        if (Uses(MetadataTokens.EntityHandle(il.ReadInt32())))
                        {
                            return true;
                        }

                        break;
                    case OperandType.InlineSig:
                        var signature = reader.GetStandaloneSignature((StandaloneSignatureHandle)MetadataTokens.EntityHandle(il.ReadInt32())).DecodeMethodSignature(this, null);
                        if (signature.ReturnType || signature.ParameterTypes.Any(p => p))
                        {
                            return true;
                        }

                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32(); // read first: `il.Offset +=` would take the offset before the count
                        il.Offset += 4 * targets;
                        break;
                    default:
                        il.Offset += OperandSize(code.OperandType);
                        break;
                }
            }

            return false;
        }

        private static int OperandSize(OperandType operand) => operand switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4,
        };

        private bool Uses(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return false;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                    return IsPowerShells((TypeReferenceHandle)handle);
                case HandleKind.TypeSpecification:
                    return reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    if (Uses(member.Parent))
                    {
                        return true;
                    }

                    if (member.GetKind() == MemberReferenceKind.Field)
                    {
                        return member.DecodeFieldSignature(this, null);
                    }

                    var signature = member.DecodeMethodSignature(this, null);
                    return signature.ReturnType || signature.ParameterTypes.Any(p => p);
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return Uses(specification.Method) || specification.DecodeSignature(this, null).Any(a => a);
                case HandleKind.MethodDefinition:
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    var own = method.DecodeSignature(this, null);
                    return own.ReturnType || own.ParameterTypes.Any(p => p);
                default:
                    // Type and field definitions are NotionPS's own, checked where they are defined.
                    return false;
            }
        }

        private bool IsPowerShells(TypeReferenceHandle handle)
        {
            var scope = reader.GetTypeReference(handle).ResolutionScope;
            return scope.Kind == HandleKind.TypeReference
                ? IsPowerShells((TypeReferenceHandle)scope)
                : scope.Kind == HandleKind.AssemblyReference && powerShell != null && (AssemblyReferenceHandle)scope == powerShell.Value;
        }

        public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => false;

        public bool GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) => false;

        public bool GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => IsPowerShells(handle);

        public bool GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public bool GetSZArrayType(bool elementType) => elementType;

        public bool GetArrayType(bool elementType, ArrayShape shape) => elementType;

        public bool GetByReferenceType(bool elementType) => elementType;

        public bool GetPointerType(bool elementType) => elementType;

        public bool GetPinnedType(bool elementType) => elementType;

        public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => genericType || typeArguments.Any(a => a);

        public bool GetGenericTypeParameter(object? genericContext, int index) => false;

        public bool GetGenericMethodParameter(object? genericContext, int index) => false;

        public bool GetFunctionPointerType(MethodSignature<bool> signature) => signature.ReturnType || signature.ParameterTypes.Any(p => p);

        public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => modifier || unmodifiedType;
    }
}
