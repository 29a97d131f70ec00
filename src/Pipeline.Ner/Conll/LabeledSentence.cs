namespace Pipeline.Ner.Conll;

/// <summary>One training or evaluation sentence: tokens and their BIO label ids (see <see cref="EntityLabels"/>).</summary>
public sealed record LabeledSentence(string[] Tokens, byte[] Labels);
